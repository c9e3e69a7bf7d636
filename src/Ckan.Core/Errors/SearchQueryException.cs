namespace Ckan.Core.Errors;

/// <summary>
/// A search request with invalid parameters or syntax, sent as CKAN's 400 "Search Query Error".
/// </summary>
public sealed class SearchQueryException(string detail) : Exception("Search Query is invalid: " + detail)
{
    /// <summary>The text after "Search Query is invalid: ".</summary>
    public string Detail { get; } = detail;
}
