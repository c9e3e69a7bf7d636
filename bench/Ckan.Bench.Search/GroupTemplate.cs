namespace Ckan.Bench.Search;

/// <summary>A published organization or group and how many sample datasets it holds.</summary>
internal sealed record GroupTemplate(string Name, string? Title, string? Description, int DatasetCount);
