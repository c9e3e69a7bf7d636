using System.Globalization;
using System.Text.Json.Nodes;
using Ckan.Ingest.Sinks;

namespace Ckan.DataPusher.Service.Push;

/// <summary>
/// Loads an ingested table into the portal's DataStore through the Action API, as DataPusher does: it
/// reads the fields of an existing table to keep their <c>info</c> and <c>info.type_override</c>, deletes
/// that table, then sends the rows in chunks. The previous table is only deleted once the file parsed,
/// so a file that cannot be read leaves it in place. Not thread safe: one instance per job.
/// </summary>
public sealed class ActionApiSink(CkanActionClient ckan, string resourceId, int chunkRows, JobLog log) : ITabularSink
{
    // The DataStore types a Data Dictionary type_override may name.
    private static readonly HashSet<string> OverrideTypes = new(StringComparer.Ordinal)
    {
        "text", "numeric", "int4", "int8", "float8", "bool", "date", "time", "timestamp", "json",
    };

    private bool _tableCreated;

    /// <summary>The rows sent by the last <see cref="WriteAsync"/>.</summary>
    public long RowsSent { get; private set; }

    /// <summary>The fields sent, with their final types, after <see cref="WriteAsync"/>.</summary>
    public IReadOnlyList<JsonObject> Fields { get; private set; } = [];

    public async Task WriteAsync(
        IReadOnlyList<IngestField> fields,
        IAsyncEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(rows);

        var existing = await ReadExistingTableAsync(cancellationToken);
        var columns = fields.Select(field => Column.From(field, existing?.GetValueOrDefault(field.Id))).ToList();
        Fields = columns.Select(column => column.ToField()).ToList();
        if (existing is not null)
        {
            await log.InfoAsync($"Deleting the existing DataStore table of \"{resourceId}\".", cancellationToken);
            var delete = new JsonObject { ["resource_id"] = resourceId, ["force"] = true };
            await ckan.CallOrNotFoundAsync("datastore_delete", delete, cancellationToken);
        }

        RowsSent = 0;
        _tableCreated = false;
        var records = new JsonArray();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            records.Add(ToRecord(columns, row));
            if (records.Count == chunkRows)
            {
                await SendAsync(records, isLast: false, cancellationToken);
                records = [];
            }
        }

        await SendAsync(records, isLast: true, cancellationToken);
    }

    // The first chunk creates the table with datastore_create and later chunks append with
    // datastore_upsert (method insert). DataPusher sends datastore_create every time, but a backend may
    // redo per-table work (such as a full-text index) on each create, which grows with the rows loaded.
    private async Task SendAsync(JsonArray records, bool isLast, CancellationToken cancellationToken)
    {
        var count = records.Count;
        var request = new JsonObject
        {
            ["resource_id"] = resourceId,
            ["force"] = true,
            ["records"] = records,
            ["calculate_record_count"] = isLast,
        };
        if (_tableCreated)
        {
            request["method"] = "insert";
            await ckan.CallAsync("datastore_upsert", request, cancellationToken);
        }
        else
        {
            request["fields"] = new JsonArray(Fields.Select(field => (JsonNode?)field.DeepClone()).ToArray());
            await ckan.CallAsync("datastore_create", request, cancellationToken);
            _tableCreated = true;
        }

        RowsSent += count;
        if (count > 0)
        {
            await log.InfoAsync($"Saved {count} records ({RowsSent} in all).", cancellationToken);
        }
    }

    // Returns field id -> info of the table the portal has now, or null when it has none.
    private async Task<Dictionary<string, JsonObject>?> ReadExistingTableAsync(CancellationToken cancellationToken)
    {
        var result = await ckan.CallOrNotFoundAsync(
            "datastore_search", new JsonObject { ["resource_id"] = resourceId, ["limit"] = 0 }, cancellationToken);
        if (result is null)
        {
            return null;
        }

        var info = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var field in result["fields"] as JsonArray ?? [])
        {
            if (field?["id"]?.ToString() is { } id && field["info"] is JsonObject fieldInfo)
            {
                info[id] = (JsonObject)fieldInfo.DeepClone();
            }
        }

        return info;
    }

    private static JsonObject ToRecord(IReadOnlyList<Column> columns, object?[] row)
    {
        var record = new JsonObject();
        for (var index = 0; index < columns.Count; index++)
        {
            record[columns[index].Id] = columns[index].ToJson(row[index]);
        }

        return record;
    }

    private sealed record Column(string Id, string Type, JsonObject Info, bool AsText)
    {
        public static Column From(IngestField field, JsonObject? existingInfo)
        {
            var info = existingInfo ?? new JsonObject(field.Info.Select(pair =>
                KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
            var type = info["type_override"]?.ToString() is { } overridden && OverrideTypes.Contains(overridden)
                ? overridden
                : field.Type;
            return new Column(field.Id, type, info, AsText: type == "text");
        }

        public JsonObject ToField() => new()
        {
            ["id"] = Id,
            ["type"] = Type,
            ["info"] = Info.DeepClone(),
        };

        // Values keep their JSON type unless the column was overridden to text. Dates are ISO 8601 without a
        // zone, the form DataPusher sends, and non-finite doubles go as the strings PostgreSQL reads.
        public JsonNode? ToJson(object? value) => value switch
        {
            null => null,
            string text => text,
            _ when AsText => JsonValue.Create(Format(value)),
            int number => number,
            long number => number,
            decimal number => number,
            double number when double.IsFinite(number) => number,
            bool flag => flag,
            _ => Format(value),
        };

        private static string Format(object value) => value switch
        {
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            double number when double.IsNaN(number) => "NaN",
            double number when double.IsPositiveInfinity(number) => "Infinity",
            double number when double.IsNegativeInfinity(number) => "-Infinity",
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
