namespace Ckan.Core.Errors;

/// <summary>
/// A request the caller may not make, sent as CKAN's 403 "Authorization Error".
/// </summary>
public sealed class NotAuthorizedException(string? detail = null)
    : Exception(detail is null ? "Access denied" : "Access denied: " + detail)
{
    /// <summary>The reason given by the authorization rule, when there is one.</summary>
    public string? Detail { get; } = detail;
}
