using System.Text;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Microsoft.Data.Sqlite;

namespace Ckan.DataStore.Sqlite;

/// <summary>
/// Builds datastore_search's SQL for SQLite: the table is <c>src</c>, each text query joins the FTS5
/// table as <c>"query N"</c>. Names pass through <see cref="FieldNames.Quote"/>; values and FTS
/// queries are parameters. Sorting follows PostgreSQL: nulls last ascending, first descending.
/// </summary>
internal static class SqliteSearchSql
{
    public static string Select(SearchQuery query, SqliteCommand command)
    {
        var columns = query.Columns.Select(column => Expression(query, column) + " AS " + FieldNames.Quote(column.Id));
        var sql = new StringBuilder("SELECT ");
        if (query.Distinct)
        {
            sql.Append("DISTINCT ");
        }

        sql.AppendJoin(", ", columns)
            .Append(From(query, command))
            .Append(Where(query.Filters, query.TextQueries, command))
            .Append(OrderBy(query));
        if (query.Limit is { } limit || query.Offset > 0)
        {
            sql.Append(" LIMIT ").Append(query.Limit ?? -1).Append(" OFFSET ").Append(query.Offset);
        }

        return sql.ToString();
    }

    public static string Count(SearchQuery query, SqliteCommand command)
    {
        var from = From(query, command) + Where(query.Filters, query.TextQueries, command);
        if (!query.Distinct)
        {
            return "SELECT count(*)" + from;
        }

        var columns = query.Columns.Where(column => !column.IsRank).Select(column => Expression(query, column));
        return $"SELECT count(*) FROM (SELECT DISTINCT {string.Join(", ", columns)}{from})";
    }

    public static string Where(IReadOnlyList<FilterClause> filters, IReadOnlyList<TextQuery> texts, SqliteCommand command)
    {
        var conditions = new List<string>();
        foreach (var filter in filters)
        {
            var column = "src." + FieldNames.Quote(filter.Column);
            var names = filter.Values.Select(value => Add(command, SqliteValues.ToStorage(filter.Type, value))).ToList();
            conditions.Add(filter.IsList
                ? $"{column} IN ({string.Join(", ", names)})"
                : $"{column} = {names[0]}");
        }

        // A query without words matches nothing, as PostgreSQL's empty tsquery does.
        conditions.AddRange(texts.Where(text => FtsQuery.Translate(text.Text, text.Plain) is null).Select(_ => "0"));

        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    // Each text query joins the rows FTS5 matches; MATCH runs inside the subquery, on the FTS table itself,
    // which is the only place FTS5 accepts it.
    private static string From(SearchQuery query, SqliteCommand command)
    {
        var from = new StringBuilder(" FROM ").Append(FieldNames.Quote(query.Schema.ResourceId)).Append(" AS src");
        var fts = FieldNames.Quote("_fts_" + query.Schema.ResourceId);
        for (var index = 0; index < query.TextQueries.Count; index++)
        {
            var text = query.TextQueries[index];
            var match = FtsQuery.Translate(text.Text, text.Plain);
            if (match is null)
            {
                continue;
            }

            if (text.Field is { } field)
            {
                var position = query.Schema.Fields.ToList().FindIndex(candidate => candidate.Id == field);
                match = $"{{c{position}}} : ({match})";
            }

            from.Append($" JOIN (SELECT rowid AS \"id\", -rank AS \"score\" FROM {fts} WHERE {fts} MATCH {Add(command, match)})")
                .Append($" AS \"query {index}\" ON \"query {index}\".\"id\" = src.\"_id\"");
        }

        return from.ToString();
    }

    private static string OrderBy(SearchQuery query)
    {
        if (query.Sort.Count == 0)
        {
            if (query.Distinct)
            {
                return "";
            }

            return query.TextQueries.Count == 0
                ? " ORDER BY src.\"_id\""
                : " ORDER BY " + string.Join(", ", query.TextQueries.Select(text => FieldNames.Quote(text.RankName) + " DESC"));
        }

        var terms = query.Sort.Select(clause =>
        {
            var rank = query.TextQueries.Any(text => text.RankName == clause.Column);
            var type = clause.Column == "_id" ? FieldType.Int4 : query.Schema.Find(clause.Column)?.Type;
            var column = rank ? FieldNames.Quote(clause.Column) : "src." + FieldNames.Quote(clause.Column);

            // Numerics are stored as exact text; they sort by value.
            if (type is { IsArray: false, BaseName: "numeric" })
            {
                column = $"CAST({column} AS REAL)";
            }

            var nullsFirst = clause.NullsFirst ?? clause.Descending;
            return column + (clause.Descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        });
        return " ORDER BY " + string.Join(", ", terms);
    }

    private static string Expression(SearchQuery query, OutputColumn column)
    {
        if (column.IsRank)
        {
            var index = query.TextQueries.ToList().FindIndex(text => text.RankName == column.Id);

            // FTS5's rank is bm25, lower for better matches; negated it grows with relevance like ts_rank.
            var text = query.TextQueries[index];
            return FtsQuery.Translate(text.Text, text.Plain) is null ? "0.0" : $"\"query {index}\".\"score\"";
        }

        return "src." + FieldNames.Quote(column.Id);
    }

    private static string Add(SqliteCommand command, object value)
    {
        var name = "$p" + command.Parameters.Count;
        command.Parameters.AddWithValue(name, value);
        return name;
    }
}
