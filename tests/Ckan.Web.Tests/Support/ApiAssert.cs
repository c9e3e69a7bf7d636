using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;

namespace Ckan.Web.Tests.Support;

/// <summary>
/// Assertions on Action API responses that print the response body when they fail.
/// </summary>
public static class ApiAssert
{
    /// <summary>Asserts the HTTP status code.</summary>
    public static void Status(ApiResponse response, HttpStatusCode expected)
    {
        if (response.Status != expected)
        {
            Assert.Fail($"Expected HTTP {(int)expected}, got {(int)response.Status} with body: {response.Text}");
        }
    }

    /// <summary>
    /// Asserts a failure envelope: the status code, <c>success: false</c>, no <c>result</c> key and the
    /// error's <c>__type</c>. Returns the error object.
    /// </summary>
    public static JsonObject Failure(ApiResponse response, HttpStatusCode status, string type)
    {
        Status(response, status);
        var envelope = response.Json!.AsObject();
        Assert.False(envelope["success"]!.GetValue<bool>());
        Assert.False(envelope.ContainsKey("result"), "A failure envelope has no result: " + response.Text);
        Assert.Equal(type, response.Error["__type"]!.GetValue<string>());
        return response.Error;
    }

    /// <summary>Asserts a 409 validation error and returns the error object.</summary>
    public static JsonObject ValidationError(ApiResponse response) =>
        Failure(response, HttpStatusCode.Conflict, "Validation Error");

    /// <summary>Asserts a 403 authorization error with CKAN's message.</summary>
    public static void AuthorizationError(ApiResponse response, string message)
    {
        var error = Failure(response, HttpStatusCode.Forbidden, "Authorization Error");
        Assert.Equal(message, error["message"]!.GetValue<string>());
    }

    /// <summary>Asserts that a field of a validation error has exactly these messages.</summary>
    public static void Messages(JsonObject error, string field, params string[] expected)
    {
        if (error[field] is not JsonArray messages)
        {
            Assert.Fail($"No message list for \"{field}\" in {error.ToJsonString()}");
            return;
        }

        Assert.Equal(expected, messages.Select(message => message?.GetValue<string>()));
    }

    /// <summary>
    /// Asserts CKAN's bare 400 response, a JSON string instead of an envelope, and returns the string.
    /// </summary>
    public static string BadRequest(ApiResponse response)
    {
        Status(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/json", response.ContentType?.MediaType);
        var body = response.Json;
        Assert.Equal(JsonValueKind.String, body?.GetValueKind());
        return body!.GetValue<string>();
    }

    /// <summary>
    /// Asserts that no dataset with the id or name is stored, whatever its state or visibility, by calling
    /// package_show in-process with authorization skipped.
    /// </summary>
    public static async Task NoDatasetAsync(TestPortal portal, string idOrName, CancellationToken cancellationToken)
    {
        var lookup = new JsonObject { ["id"] = idOrName };
        await Assert.ThrowsAsync<NotFoundException>(
            () => portal.ArrangeAsync("package_show", lookup, cancellationToken));
    }
}
