using System.Text;
using System.Text.Json;
using System.Xml;
using Ckan.DataStore.Output;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Dumps;

/// <summary>
/// Streams a table (or a filtered part of it) as CSV, TSV, JSON or XML in CKAN's dump layouts. Rows go
/// out as they are read, through a fixed-size buffer, so memory stays flat however large the table.
/// </summary>
public sealed class DumpWriter(IDataStore store)
{
    private const int BufferSize = 1 << 16;
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Writes the dump of <paramref name="query"/> to <paramref name="output"/>.</summary>
    public async Task WriteAsync(
        SearchQuery query,
        DumpFormat format,
        bool byteOrderMark,
        Stream output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(output);
        if (byteOrderMark)
        {
            await output.WriteAsync(ByteOrderMark, cancellationToken);
        }

        switch (format.Name)
        {
            case "json":
                await WriteJsonAsync(query, output, cancellationToken);
                break;
            case "xml":
                await WriteXmlAsync(query, output, cancellationToken);
                break;
            default:
                await WriteDelimitedAsync(query, format.Name == "tsv" ? '\t' : ',', output, cancellationToken);
                break;
        }
    }

    private async Task WriteDelimitedAsync(SearchQuery query, char delimiter, Stream output, CancellationToken cancellationToken)
    {
        var columns = query.Columns;
        var line = new StringBuilder();
        ValueWriter.AppendDelimited(line, columns.Select(column => (object?)column.Id).ToList(), delimiter);
        await output.WriteAsync(Encoding.UTF8.GetBytes(line.ToString()), cancellationToken);
        if (await store.TryCopyDelimitedAsync(query, output, delimiter, cancellationToken))
        {
            return;
        }

        await using var writer = new StreamWriter(output, new UTF8Encoding(false), BufferSize, leaveOpen: true);
        await foreach (var row in store.ReadAsync(query, cancellationToken))
        {
            line.Clear();
            ValueWriter.AppendDelimited(line, row, delimiter);
            await writer.WriteAsync(line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private async Task WriteJsonAsync(SearchQuery query, Stream output, CancellationToken cancellationToken)
    {
        var columns = query.Columns;
        var buffer = new MemoryStream();
        await using (var fields = new Utf8JsonWriter(buffer))
        {
            fields.WriteStartObject();
            Actions.SearchResultWriter.WriteFields(fields, columns);
            fields.WriteEndObject();
        }

        // The fields object is written compact, then the records one array per line, as CKAN lays them out.
        var fieldsJson = Encoding.UTF8.GetString(buffer.ToArray());
        var fieldsList = fieldsJson[(fieldsJson.IndexOf('[', StringComparison.Ordinal))..^1];
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), BufferSize, leaveOpen: true);
        await writer.WriteAsync("{\n  \"fields\": " + fieldsList + ",\n  \"records\": [");
        var first = true;
        var row = new MemoryStream();
        await foreach (var values in store.ReadAsync(query, cancellationToken))
        {
            row.SetLength(0);
            await using (var json = new Utf8JsonWriter(row))
            {
                json.WriteStartArray();
                for (var index = 0; index < columns.Count; index++)
                {
                    ValueWriter.WriteJson(json, columns[index], values[index]);
                }

                json.WriteEndArray();
            }

            await writer.WriteAsync(first ? "\n    " : ",\n    ");
            await writer.WriteAsync(Encoding.UTF8.GetString(row.GetBuffer(), 0, (int)row.Length));
            first = false;
        }

        await writer.WriteAsync("\n]}\n");
        await writer.FlushAsync(cancellationToken);
    }

    private async Task WriteXmlAsync(SearchQuery query, Stream output, CancellationToken cancellationToken)
    {
        var columns = query.Columns;
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        await using var writer = XmlWriter.Create(output, settings);
        await writer.WriteStartElementAsync(null, "data", null);
        await writer.WriteAttributeStringAsync("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        var count = 0;
        await foreach (var values in store.ReadAsync(query, cancellationToken))
        {
            await writer.WriteRawAsync("\n");
            await writer.WriteStartElementAsync(null, "row", null);
            for (var index = 0; index < columns.Count; index++)
            {
                if (columns[index].Id == "_id")
                {
                    await writer.WriteAttributeStringAsync(null, "_id", null, ValueWriter.ToText(values[index]));
                    continue;
                }

                await WriteXmlValueAsync(writer, XmlConvert.EncodeLocalName(columns[index].Id), columns[index], values[index]);
            }

            await writer.WriteEndElementAsync();
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync();
            }
        }

        await writer.WriteRawAsync("\n");
        await writer.WriteEndElementAsync();
        await writer.WriteRawAsync("\n");
        await writer.FlushAsync();
    }

    private static async Task WriteXmlValueAsync(XmlWriter writer, string name, OutputColumn column, object? value)
    {
        await writer.WriteStartElementAsync(null, name, null);
        if (value is null)
        {
            await writer.WriteAttributeStringAsync("xsi", "nil", "http://www.w3.org/2001/XMLSchema-instance", "true");
        }
        else if (column.Kind == OutputKind.Json && value is string json)
        {
            using var document = JsonDocument.Parse(json);
            await WriteXmlJsonAsync(writer, document.RootElement);
        }
        else
        {
            await writer.WriteStringAsync(ValueWriter.ToText(value) switch
            {
                "t" when value is bool => "True",
                "f" when value is bool => "False",
                var text => text,
            });
        }

        await writer.WriteEndElementAsync();
    }

    // Lists become <value> elements and objects <value key="..."> elements, nested as deep as the JSON.
    private static async Task WriteXmlJsonAsync(XmlWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    await writer.WriteStartElementAsync(null, "value", null);
                    await WriteXmlJsonAsync(writer, item);
                    await writer.WriteEndElementAsync();
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    await writer.WriteStartElementAsync(null, "value", null);
                    await writer.WriteAttributeStringAsync(null, "key", null, property.Name);
                    await WriteXmlJsonAsync(writer, property.Value);
                    await writer.WriteEndElementAsync();
                }

                break;
            case JsonValueKind.Null:
                await writer.WriteAttributeStringAsync("xsi", "nil", "http://www.w3.org/2001/XMLSchema-instance", "true");
                break;
            case JsonValueKind.String:
                await writer.WriteStringAsync(element.GetString());
                break;
            default:
                await writer.WriteStringAsync(element.GetRawText());
                break;
        }
    }
}
