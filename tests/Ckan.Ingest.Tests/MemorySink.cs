using Ckan.Ingest.Sinks;

namespace Ckan.Ingest.Tests;

/// <summary>A sink that keeps copies of every row, for assertions.</summary>
public sealed class MemorySink : ITabularSink
{
    public IReadOnlyList<IngestField> Fields { get; private set; } = [];

    public List<object?[]> Rows { get; } = [];

    public async Task WriteAsync(
        IReadOnlyList<IngestField> fields,
        IAsyncEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        Fields = fields;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            Rows.Add((object?[])row.Clone());
        }
    }

    /// <summary>Returns the values of one column by field id.</summary>
    public IReadOnlyList<object?> Column(string id)
    {
        var index = Fields.Select(field => field.Id).ToList().IndexOf(id);
        Assert.True(index >= 0, $"No field {id}; fields are {string.Join(", ", Fields.Select(field => field.Id))}");
        return Rows.Select(row => row[index]).ToList();
    }

    /// <summary>Returns the type of one field by id.</summary>
    public string TypeOf(string id) => Fields.Single(field => field.Id == id).Type;
}
