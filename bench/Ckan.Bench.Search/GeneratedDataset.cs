namespace Ckan.Bench.Search;

/// <summary>The values of a generated dataset that benchmark queries are drawn from.</summary>
internal sealed record GeneratedDataset(
    string Title,
    string? Organization,
    IReadOnlyList<string> Tags,
    int ResourceCount,
    IReadOnlyList<string> Formats);
