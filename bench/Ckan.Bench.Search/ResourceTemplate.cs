namespace Ckan.Bench.Search;

/// <summary>The stored columns of one published resource, with its other keys as extras JSON.</summary>
internal sealed record ResourceTemplate
{
    public required string Url { get; init; }
    public string? Format { get; init; }
    public string? Description { get; init; }
    public string? Hash { get; init; }
    public string? Name { get; init; }
    public string? ResourceType { get; init; }
    public string? Mimetype { get; init; }
    public string? MimetypeInner { get; init; }
    public long? Size { get; init; }
    public string? LastModified { get; init; }
    public string? UrlType { get; init; }
    public string? Extras { get; init; }
}
