using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Web.Auth;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Ckan.Web.Uploads;

/// <summary>
/// CKAN's resource download routes, <c>/dataset/{id}/resource/{resource_id}/download</c> with or without a
/// trailing file name: an uploaded file is sent from the storage folder with the resource's media type,
/// any other resource redirects to its url.
/// </summary>
public static class ResourceDownloadEndpoints
{
    private const string OctetStream = "application/octet-stream";

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapResourceDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/dataset/{id}/resource/{resourceId}/download", DownloadAsync);
        routes.MapGet("/dataset/{id}/resource/{resourceId}/download/{fileName}", DownloadAsync);
        return routes;
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext http,
        string id,
        string resourceId,
        CkanServices services,
        ApiTokenAuthenticator authenticator,
        string? fileName = null)
    {
        var cancellationToken = http.RequestAborted;
        // A browser sends the login cookie rather than a token, so the pages' links to private files work.
        var user = http.GetCkanUser() ?? await authenticator.AuthenticateAsync(http.Request, cancellationToken);
        var context = new ActionContext(services, user);
        JsonObject resource;
        try
        {
            // As in CKAN, package_show runs too so that the caller's read rights on the dataset are checked.
            resource = await ShowAsync(context, "resource_show", resourceId, cancellationToken);
            await ShowAsync(context, "package_show", id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return Results.Text("Resource not found", statusCode: StatusCodes.Status404NotFound);
        }
        catch (NotAuthorizedException)
        {
            return Results.Text("Not authorized to download resource", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!string.Equals(DataDict.GetString(resource, "url_type"), "upload", StringComparison.Ordinal))
        {
            var url = DataDict.GetString(resource, "url");
            return string.IsNullOrEmpty(url)
                ? Results.Text("No download is available", statusCode: StatusCodes.Status404NotFound)
                : Results.Redirect(url);
        }

        var path = FindFile(services, resourceId);
        if (path is null)
        {
            return Results.Text("Resource data not found", statusCode: StatusCodes.Status404NotFound);
        }

        var storedName = Path.GetFileName(DataDict.GetString(resource, "url") ?? "");
        var mediaType = DataDict.GetString(resource, "mimetype")
            ?? FileMediaTypes.Guess(fileName ?? storedName)
            ?? OctetStream;
        if (!string.IsNullOrEmpty(fileName))
        {
            // Flask's send_file, which CKAN uses, names the file inline instead of forcing a save dialog.
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(fileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
        }

        return Results.File(path, mediaType, enableRangeProcessing: true);
    }

    private static string? FindFile(CkanServices services, string resourceId)
    {
        if (services.ResourceFiles is not { } files)
        {
            return null;
        }

        try
        {
            var path = files.GetPath(resourceId);
            return File.Exists(path) ? path : null;
        }
        catch (ValidationException)
        {
            return null;
        }
    }

    private static async Task<JsonObject> ShowAsync(
        ActionContext context,
        string action,
        string id,
        CancellationToken cancellationToken)
    {
        var definition = context.Services.Actions.Find(action)
            ?? throw new InvalidOperationException("The core action " + action + " is not registered.");
        var result = await definition.Handler(context, new JsonObject { ["id"] = id }, cancellationToken);
        var node = result.ToNode();
        return node!.AsObject();
    }
}
