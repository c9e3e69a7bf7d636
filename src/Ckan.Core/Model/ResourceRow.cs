namespace Ckan.Core.Model;

/// <summary>
/// A resource row, with CKAN's <c>resource</c> columns. Keys outside the columns live in
/// <see cref="Extras"/> as a JSON object text, as CKAN stores them.
/// </summary>
public sealed record ResourceRow
{
    public required string Id { get; init; }
    public required string PackageId { get; init; }
    public string Url { get; init; } = "";
    public string? Format { get; init; }
    public string? Description { get; init; }
    public string? Hash { get; init; }
    public int Position { get; init; }
    public string? Name { get; init; }
    public string? ResourceType { get; init; }
    public string? Mimetype { get; init; }
    public string? MimetypeInner { get; init; }
    public long? Size { get; init; }
    public string? Created { get; init; }
    public string? LastModified { get; init; }
    public string? MetadataModified { get; init; }
    public string? CacheUrl { get; init; }
    public string? CacheLastUpdated { get; init; }
    public string? UrlType { get; init; }
    public string? Extras { get; init; }
    public string State { get; init; } = "active";
}
