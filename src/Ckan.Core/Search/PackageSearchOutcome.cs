using System.Text.Json.Nodes;

namespace Ckan.Core.Search;

/// <summary>
/// What package_search found: the count, the hits as stored JSON, and the facets in CKAN's two shapes.
/// </summary>
public sealed record PackageSearchOutcome
{
    public required int Count { get; init; }
    public required IReadOnlyList<byte[]> Results { get; init; }

    /// <summary>CKAN's <c>facets</c>: field to value to count.</summary>
    public required JsonObject Facets { get; init; }

    /// <summary>CKAN's <c>search_facets</c>: field to title and items with display names.</summary>
    public required JsonObject SearchFacets { get; init; }

    /// <summary>The sort that was applied, echoed as CKAN does.</summary>
    public required string Sort { get; init; }

    /// <summary>Returns the hits as mutable dictionaries.</summary>
    public JsonArray ResultsAsJson() =>
        new(Results.Select(json => (JsonNode?)JsonNode.Parse(json)).ToArray());
}
