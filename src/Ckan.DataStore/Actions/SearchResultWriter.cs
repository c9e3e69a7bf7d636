using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.DataStore.Output;
using Ckan.DataStore.Querying;

namespace Ckan.DataStore.Actions;

/// <summary>
/// Writes datastore_search's result straight to UTF-8 JSON: the echoed parameters, <c>fields</c>,
/// <c>records</c> in the requested format, <c>_links</c> and the total. Building no intermediate tree keeps
/// the hot path cheap.
/// </summary>
public static class SearchResultWriter
{
    /// <summary>Returns the result for a page of records.</summary>
    public static ActionResult Write(JsonObject echo, SearchPage page, string format, int limit, int offset, string? requestUrl)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in echo)
            {
                writer.WritePropertyName(key);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            WriteFields(writer, page.Columns);
            writer.WritePropertyName("records");
            WriteRecords(writer, page, format);
            WriteLinks(writer, limit, offset, requestUrl);
            if (page.Total is { } total)
            {
                writer.WriteNumber("total", total);
                writer.WriteBoolean("total_was_estimated", page.TotalWasEstimated);
            }

            writer.WriteEndObject();
        }

        return ActionResult.FromUtf8(buffer.WrittenMemory);
    }

    /// <summary>Writes the <c>fields</c> list: id, type and info when there is one.</summary>
    public static void WriteFields(Utf8JsonWriter writer, IReadOnlyList<OutputColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray("fields");
        foreach (var column in columns)
        {
            writer.WriteStartObject();
            writer.WriteString("id", column.Id);
            writer.WriteString("type", column.TypeName);
            if (column.Info is not null)
            {
                writer.WritePropertyName("info");
                column.Info.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes rows as objects keyed by column id.</summary>
    public static void WriteObjects(Utf8JsonWriter writer, IReadOnlyList<OutputColumn> columns, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            for (var index = 0; index < columns.Count; index++)
            {
                writer.WritePropertyName(columns[index].Id);
                ValueWriter.WriteJson(writer, columns[index], row[index]);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRecords(Utf8JsonWriter writer, SearchPage page, string format)
    {
        switch (format)
        {
            case "lists":
                writer.WriteStartArray();
                foreach (var row in page.Rows)
                {
                    writer.WriteStartArray();
                    for (var index = 0; index < page.Columns.Count; index++)
                    {
                        ValueWriter.WriteJson(writer, page.Columns[index], row[index]);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                break;
            case "csv" or "tsv":
                var text = new StringBuilder();
                foreach (var row in page.Rows)
                {
                    ValueWriter.AppendDelimited(text, row, format == "csv" ? ',' : '\t');
                }

                writer.WriteStringValue(text.ToString());
                break;
            default:
                WriteObjects(writer, page.Columns, page.Rows);
                break;
        }
    }

    // CKAN derives the links from the request's own URL; calls made inside the process get an empty object.
    private static void WriteLinks(Utf8JsonWriter writer, int limit, int offset, string? requestUrl)
    {
        writer.WriteStartObject("_links");
        if (requestUrl is not null)
        {
            var split = requestUrl.IndexOf('?', StringComparison.Ordinal);
            var path = split < 0 ? requestUrl : requestUrl[..split];
            var arguments = ParseQuery(split < 0 ? "" : requestUrl[(split + 1)..]);
            var start = arguments.Where(pair => pair.Key != "offset").ToList();
            writer.WriteString("start", Build(path, start));
            writer.WriteString("next", Build(path, WithOffset(arguments, offset + limit)));
            if (offset - limit > 0)
            {
                writer.WriteString("prev", Build(path, WithOffset(arguments, offset - limit)));
            }
        }

        writer.WriteEndObject();
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = WebUtility.UrlDecode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : WebUtility.UrlDecode(part[(equals + 1)..]);
            pairs.RemoveAll(pair => pair.Key == key);
            pairs.Add(new(key, value));
        }

        return pairs;
    }

    private static List<KeyValuePair<string, string>> WithOffset(List<KeyValuePair<string, string>> arguments, int offset)
    {
        var copy = arguments.Where(pair => pair.Key != "offset").ToList();
        var position = arguments.FindIndex(pair => pair.Key == "offset");
        var entry = new KeyValuePair<string, string>("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (position < 0)
        {
            copy.Add(entry);
        }
        else
        {
            copy.Insert(position, entry);
        }

        return copy;
    }

    private static string Build(string path, IEnumerable<KeyValuePair<string, string>> arguments)
    {
        var query = string.Join("&", arguments.Select(pair => WebUtility.UrlEncode(pair.Key) + "=" + WebUtility.UrlEncode(pair.Value)));
        return query.Length == 0 ? path : path + "?" + query;
    }
}
