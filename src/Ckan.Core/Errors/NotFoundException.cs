namespace Ckan.Core.Errors;

/// <summary>
/// A requested object that does not exist or is gone, sent as CKAN's 404 "Not Found Error".
/// </summary>
public sealed class NotFoundException(string? detail = null)
    : Exception(detail is null ? "Not found" : "Not found: " + detail)
{
    /// <summary>The text after "Not found: ", when there is one.</summary>
    public string? Detail { get; } = detail;
}
