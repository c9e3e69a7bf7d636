namespace Ckan.Core.Catalog;

/// <summary>
/// A filtered, paged listing of datasets for the catalog's own search. Every list filter is an OR of
/// its values; the filters are combined with AND.
/// </summary>
public sealed record PackageQuery
{
    public IReadOnlyList<string> States { get; init; } = ["active"];
    public IReadOnlyList<string> OrganizationNames { get; init; } = [];
    public IReadOnlyList<string> GroupNames { get; init; } = [];
    public IReadOnlyList<string> Names { get; init; } = [];
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> ExcludedOrganizationNames { get; init; } = [];
    public IReadOnlyList<string> ExcludedTags { get; init; } = [];

    /// <summary>Words that must each appear in the name, title, notes or a tag (case-insensitive).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>When false, private datasets outside <see cref="ReadableOrganizationIds"/> are left out.</summary>
    public bool IncludeAllPrivate { get; init; }

    /// <summary>Organizations whose private datasets the caller may read.</summary>
    public IReadOnlyList<string> ReadableOrganizationIds { get; init; } = [];

    /// <summary>Whether private datasets are wanted at all.</summary>
    public bool IncludePrivate { get; init; }

    /// <summary>Order: one of name, title, metadata_modified, metadata_created, each asc or desc.</summary>
    public IReadOnlyList<(string Field, bool Descending)> Sort { get; init; } =
        [("metadata_modified", true)];

    public int Offset { get; init; }
    public int Limit { get; init; } = 10;
}
