namespace Ckan.Core.Search;

/// <summary>One facet value and how many matching datasets have it.</summary>
public sealed record FacetCount(string Value, int Count);
