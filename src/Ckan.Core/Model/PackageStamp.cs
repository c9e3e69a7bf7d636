namespace Ckan.Core.Model;

/// <summary>A dataset's id with the time it last changed, in storage form.</summary>
public sealed record PackageStamp(string Id, string? MetadataModified);
