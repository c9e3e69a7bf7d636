namespace Ckan.Core.Catalog;

/// <summary>One page of dataset ids with the total number that matched.</summary>
public sealed record PackageSearchPage(int Count, IReadOnlyList<string> Ids);
