namespace Ckan.Core.Errors;

/// <summary>
/// A dataset that was saved but could not be written to the search index, sent as CKAN's 500
/// "Search Index Error". Running <c>ckan search-index rebuild</c> repairs the index.
/// </summary>
public sealed class SearchIndexException(string detail, Exception? inner = null)
    : Exception("Unable to add package to search index: " + detail, inner);
