namespace Ckan.Core.Errors;

/// <summary>A search that was understood but cannot run, sent as CKAN's 409 "Search Error".</summary>
public sealed class SearchException(string detail) : Exception("Search error: " + detail);
