namespace Ckan.Core.Errors;

/// <summary>
/// A request that cannot be decoded, sent as CKAN does: HTTP 400 with a bare JSON string body.
/// </summary>
public sealed class BadRequestException(string message) : Exception("Bad request - " + message);
