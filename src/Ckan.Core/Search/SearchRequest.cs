namespace Ckan.Core.Search;

/// <summary>
/// A validated package_search request. <see cref="Query"/> and <see cref="Filters"/> are in the Solr
/// syntax CKAN users type (fielded terms, phrases, AND/OR/NOT, +/-, wildcards, ranges with NOW date math).
/// </summary>
public sealed record SearchRequest
{
    /// <summary>The q parameter; empty or "*:*" matches everything.</summary>
    public string Query { get; init; } = "*:*";

    /// <summary>The fq parameter and each fq_list entry; every filter must match, without scoring.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>Dataset states to include; "active" by default, "draft" or "deleted" when asked.</summary>
    public IReadOnlyList<string> States { get; init; } = ["active"];

    /// <summary>
    /// Permission labels of the caller (see <see cref="IndexedDataset.PermissionLabels"/>); null means
    /// no restriction (sysadmins).
    /// </summary>
    public IReadOnlyList<string>? PermissionLabels { get; init; } = ["public"];

    /// <summary>Fields to count values of, such as organization, groups, tags, res_format, license_id.</summary>
    public IReadOnlyList<string> FacetFields { get; init; } = [];

    /// <summary>Most values returned per facet; negative means all.</summary>
    public int FacetLimit { get; init; } = 50;

    /// <summary>Least count a facet value needs to be returned.</summary>
    public int FacetMinCount { get; init; } = 1;

    /// <summary>Sort clauses such as ("score", true), ("metadata_modified", true), ("title_string", false).</summary>
    public IReadOnlyList<(string Field, bool Descending)> Sort { get; init; } =
        [("score", true), ("metadata_modified", true)];

    /// <summary>A plugin's score that filters and ranks the hits; null for none.</summary>
    public SearchRanking? Ranking { get; init; }

    public int Start { get; init; }
    public int Rows { get; init; } = 10;
}
