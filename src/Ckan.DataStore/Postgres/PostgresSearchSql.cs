using System.Text;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ckan.DataStore.Postgres;

/// <summary>
/// Builds datastore_search's SQL for PostgreSQL. Column names pass through
/// <see cref="FieldNames.Quote"/> and every value, query text and language is a parameter; the table
/// is aliased <c>src</c> and the text queries are named <c>"query N"</c>.
/// </summary>
internal static class PostgresSearchSql
{
    /// <summary>Returns <c>SELECT ... FROM ... WHERE ... ORDER BY ...</c> without LIMIT.</summary>
    public static string Select(SearchQuery query, NpgsqlCommand command)
    {
        var columns = query.Columns.Select(column => Expression(query, column, command) + " AS " + FieldNames.Quote(column.Id));
        var sql = new StringBuilder("SELECT ");
        if (query.Distinct)
        {
            sql.Append("DISTINCT ");
        }

        sql.AppendJoin(", ", columns)
            .Append(From(query, command))
            .Append(Where(query.Filters, query.TextQueries, command))
            .Append(OrderBy(query));
        return sql.ToString();
    }

    /// <summary>Returns the count of matching rows (distinct rows for DISTINCT queries).</summary>
    public static string Count(SearchQuery query, NpgsqlCommand command)
    {
        var from = From(query, command) + Where(query.Filters, query.TextQueries, command);
        if (!query.Distinct)
        {
            return "SELECT count(*)" + from;
        }

        var columns = query.Columns.Where(column => !column.IsRank).Select(column => Expression(query, column, command));
        return $"SELECT count(*) FROM (SELECT DISTINCT {string.Join(", ", columns)}{from}) AS counted";
    }

    /// <summary>Returns <c> WHERE ...</c> for the filters and text queries, or an empty string.</summary>
    public static string Where(IReadOnlyList<FilterClause> filters, IReadOnlyList<TextQuery> texts, NpgsqlCommand command)
    {
        var conditions = new List<string>();
        foreach (var filter in filters)
        {
            var column = "src." + FieldNames.Quote(filter.Column);
            if (!filter.IsList)
            {
                conditions.Add($"{column} = {PostgresDataStore.AddValue(command, filter.Type, filter.Values[0])}");
                continue;
            }

            var name = "p" + command.Parameters.Count;
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = filter.Values.Select(ValueText.Format).ToArray(),
            });
            var cast = filter.Type.IsText ? $"@{name}" : $"CAST(@{name} AS text[])::{filter.Type.BaseName}[]";
            conditions.Add($"{column} = ANY({cast})");
        }

        for (var index = 0; index < texts.Count; index++)
        {
            conditions.Add($"{Vector(texts[index], command)} @@ \"query {index}\"");
        }

        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    private static string From(SearchQuery query, NpgsqlCommand command)
    {
        var from = new StringBuilder(" FROM ").Append(FieldNames.Quote(query.Schema.ResourceId)).Append(" AS src");
        for (var index = 0; index < query.TextQueries.Count; index++)
        {
            var text = query.TextQueries[index];
            var language = AddText(command, text.Language);
            var words = AddText(command, text.Text);
            var function = text.Plain ? "plainto_tsquery" : "to_tsquery";
            from.Append($", {function}(CAST({language} AS regconfig), {words}) AS \"query {index}\"");
        }

        return from.ToString();
    }

    private static string Vector(TextQuery text, NpgsqlCommand command) => text.Field is null
        ? "src.\"_full_text\""
        : $"to_tsvector(CAST({AddText(command, text.Language)} AS regconfig), CAST(src.{FieldNames.Quote(text.Field)} AS text))";

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
            var isRank = query.TextQueries.Any(text => text.RankName == clause.Column);

            // DISTINCT may only order by what it selects, so it sorts by the output column.
            var column = isRank || query.Distinct ? FieldNames.Quote(clause.Column) : "src." + FieldNames.Quote(clause.Column);
            var direction = clause.Descending ? " DESC" : "";
            var nulls = clause.NullsFirst switch { true => " NULLS FIRST", false => " NULLS LAST", null => "" };
            return column + direction + nulls;
        });
        return " ORDER BY " + string.Join(", ", terms);
    }

    private static string Expression(SearchQuery query, OutputColumn column, NpgsqlCommand command)
    {
        if (column.IsRank)
        {
            var index = query.TextQueries.ToList().FindIndex(text => text.RankName == column.Id);
            return $"ts_rank({Vector(query.TextQueries[index], command)}, \"query {index}\", 32)::float8";
        }

        var name = "src." + FieldNames.Quote(column.Id);
        return column.Kind switch
        {
            OutputKind.Integer or OutputKind.Float or OutputKind.Boolean => name,
            OutputKind.Json when column.TypeName.StartsWith('_') => $"array_to_json({name})::text",
            OutputKind.Text when column.TypeName == "timestamp" => $"to_char({name}, 'YYYY-MM-DD\"T\"HH24:MI:SS')",
            _ => name + "::text",
        };
    }

    private static string AddText(NpgsqlCommand command, string value)
    {
        var name = "p" + command.Parameters.Count;
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value });
        return "@" + name;
    }
}
