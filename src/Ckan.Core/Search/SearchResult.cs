namespace Ckan.Core.Search;

/// <summary>The page of hits, the total count and the facet counts of a search.</summary>
public sealed record SearchResult
{
    public required int Count { get; init; }

    /// <summary>The stored dictionaries of the hits, in order, as UTF-8 JSON.</summary>
    public required IReadOnlyList<byte[]> Results { get; init; }

    /// <summary>Per facet field, the values with their counts, highest count first, then by value.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets { get; init; }
}
