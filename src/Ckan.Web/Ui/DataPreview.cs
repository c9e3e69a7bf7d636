using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;

namespace Ckan.Web.Ui;

/// <summary>One column of a DataStore table: its name, type and the data dictionary's label and notes.</summary>
public sealed record DataColumn(string Id, string Type, string Label, string Notes);

/// <summary>
/// One page of a resource's DataStore table as datastore_search returns it, with its data dictionary.
/// </summary>
/// <param name="Columns">The columns in table order, without the internal <c>_id</c>.</param>
/// <param name="Rows">The values of each row, one per column, as display text.</param>
/// <param name="Total">The number of rows matching the search.</param>
/// <param name="IsTotalEstimated">Whether <paramref name="Total"/> is the DataStore's estimate.</param>
/// <param name="Query">The preview state the page was loaded with.</param>
public sealed record DataPreview(
    IReadOnlyList<DataColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    long Total,
    bool IsTotalEstimated,
    DataPreviewQuery Query)
{
    /// <summary>The number of the last page, at least 1.</summary>
    public int LastPage => (int)Math.Max(1, (Total + DataPreviewQuery.PageSize - 1) / DataPreviewQuery.PageSize);

    /// <summary>
    /// Loads a page with datastore_search as the current user. An unknown sort column is dropped rather
    /// than failing the page. Returns null when the resource has no DataStore table.
    /// </summary>
    public static async Task<DataPreview?> LoadAsync(
        ActionRunner actions,
        string resourceId,
        DataPreviewQuery query,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(query);

        JsonObject result;
        try
        {
            result = await SearchAsync(actions, resourceId, query, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        var columns = ReadColumns(result);
        if (query.Sort.Length > 0 && !columns.Any(column => column.Id == query.Sort))
        {
            query = query with { Sort = "", IsDescending = false };
        }

        var positions = IndexOfColumns(result, columns);
        var rows = new List<IReadOnlyList<string>>();
        if (result["records"] is JsonArray records)
        {
            foreach (var record in records.OfType<JsonArray>())
            {
                rows.Add(positions.Select(position => Display(position < record.Count ? record[position] : null)).ToList());
            }
        }

        return new DataPreview(
            columns, rows, result.Number("total"), result.Flag("total_was_estimated"), query);
    }

    private static async Task<JsonObject> SearchAsync(
        ActionRunner actions,
        string resourceId,
        DataPreviewQuery query,
        CancellationToken cancellationToken)
    {
        try
        {
            return await actions.RunObjectAsync(
                "datastore_search", query.ToActionInput(resourceId, null), cancellationToken);
        }
        catch (ValidationException) when (query.Sort.Length > 0)
        {
            // A sort column that the table does not have (an old link, a hand-edited URL) is dropped.
            var unsorted = query with { Sort = "" };
            return await actions.RunObjectAsync(
                "datastore_search", unsorted.ToActionInput(resourceId, null), cancellationToken);
        }
    }

    private static List<DataColumn> ReadColumns(JsonObject result)
    {
        var columns = new List<DataColumn>();
        foreach (var field in result.List("fields"))
        {
            var id = field.Str("id") ?? "";
            if (id == "_id")
            {
                continue;
            }

            var info = field["info"];
            columns.Add(new DataColumn(id, field.Str("type") ?? "", info.Str("label") ?? "", info.Str("notes") ?? ""));
        }

        return columns;
    }

    private static List<int> IndexOfColumns(JsonObject result, List<DataColumn> columns)
    {
        var ids = result.List("fields").Select(field => field.Str("id") ?? "").ToList();
        return columns.Select(column => ids.IndexOf(column.Id)).ToList();
    }

    private static string Display(JsonNode? value) => value switch
    {
        null => "",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
