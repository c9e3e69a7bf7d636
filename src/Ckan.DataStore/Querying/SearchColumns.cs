using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Querying;

/// <summary>Works out the output columns of a search, the same way for every backend.</summary>
public static class SearchColumns
{
    /// <summary>The column CKAN reports for the row number every table has.</summary>
    public static readonly OutputColumn Id = new("_id", "int", OutputKind.Integer, null);

    /// <summary>Returns the output columns of <paramref name="query"/>.</summary>
    public static IReadOnlyList<OutputColumn> For(SearchQuery query)
    {
        var columns = new List<OutputColumn>();
        if (!query.HasFieldList || query.Fields.Contains("_id", StringComparer.Ordinal))
        {
            columns.Add(Id);
        }

        var names = query.HasFieldList ? query.Fields : query.Schema.Fields.Select(field => field.Id).ToList();
        foreach (var name in names)
        {
            if (query.Schema.Find(name) is { } field)
            {
                columns.Add(new OutputColumn(field.Id, field.Type.Name, field.Type.Output, field.Info));
            }
        }

        foreach (var text in query.TextQueries)
        {
            columns.Add(new OutputColumn(text.RankName, "float", OutputKind.Float, null) { IsRank = true });
        }

        return columns;
    }
}
