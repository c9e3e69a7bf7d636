using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Ckan.Web.Api;

/// <summary>
/// The Action API routes, <c>/api/3/action/{name}</c> and <c>/api/action/{name}</c>, and the version
/// documents under <c>/api</c>. Every CKAN error kind is mapped to its envelope and status here, in one
/// place; anything unexpected becomes a 500 envelope without details.
/// </summary>
public static partial class ActionEndpoints
{
    private const long BytesPerMegabyte = 1024 * 1024;
    private const long FormFieldAllowance = 32 * BytesPerMegabyte;

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapActionApi(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/api/action/{name}", ["GET", "POST", "PUT"], HandleAsync);
        routes.MapMethods("/api/{version:int}/action/{name}", ["GET", "POST", "PUT"], HandleVersionedAsync);
        routes.MapGet("/api", () => Results.Json(new { version = 1 }));
        routes.MapGet("/api/{version:int:range(1,3)}", (int version) => Results.Json(new { version }));
        return routes;
    }

    private static Task HandleVersionedAsync(
        HttpContext http,
        int version,
        string name,
        CkanServices services,
        ApiTokenAuthenticator authenticator,
        ILogger<CkanServices> logger)
    {
        if (version != 3)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return HandleAsync(http, name, services, authenticator, logger);
    }

    private static async Task HandleAsync(
        HttpContext http,
        string name,
        CkanServices services,
        ApiTokenAuthenticator authenticator,
        ILogger<CkanServices> logger)
    {
        var cancellationToken = http.RequestAborted;
        var response = http.Response;
        var helpUrl = services.Config.SiteUrl + "/api/3/action/help_show?name=" + Uri.EscapeDataString(name);
        var action = services.Actions.Find(name);
        if (action is null)
        {
            await ActionResponseWriter.WriteBadRequestAsync(
                response, "Bad request - Action name not known: " + name, cancellationToken);
            return;
        }

        try
        {
            var callback = ReadCallback(http.Request);
            var maxUploadBytes = services.Config.MaxResourceSizeMegabytes * BytesPerMegabyte;
            AllowUploadBody(http, maxUploadBytes);
            using var request = await ActionRequestReader.ReadAsync(
                http.Request, action.IsSideEffectFree, services.ResourceFiles, maxUploadBytes, cancellationToken);
            var data = request.Data;
            data.Remove("callback");
            data.Remove("_");

            // CKAN runs JSONP requests as anonymous, so a page on another site cannot read private data.
            var user = callback is null ? await authenticator.AuthenticateAsync(http.Request, cancellationToken) : null;
            var context = new ActionContext(services, user)
            {
                Upload = request.Upload,
                RequestUrl = http.Request.Path.ToString() + http.Request.QueryString.ToString(),
            };
            var result = await action.Handler(context, data, cancellationToken);
            await ActionResponseWriter.WriteSuccessAsync(response, helpUrl, result, callback, cancellationToken);
        }
        catch (BadRequestException error)
        {
            await ActionResponseWriter.WriteBadRequestAsync(response, error.Message, cancellationToken);
        }
        catch (BadHttpRequestException error)
        {
            // Kestrel's own limits, such as the body size (413), keep their status with CKAN's bare-string body.
            await ActionResponseWriter.WriteBadRequestAsync(
                response, "Bad request - " + error.Message, cancellationToken, error.StatusCode);
        }
        catch (ValidationException error)
        {
            var body = error.Errors.DeepClone().AsObject();
            body["__type"] = "Validation Error";
            await ActionResponseWriter.WriteErrorAsync(response, StatusCodes.Status409Conflict, helpUrl, body, cancellationToken);
        }
        catch (NotFoundException error)
        {
            await WriteKindAsync(response, StatusCodes.Status404NotFound, helpUrl, "Not Found Error", error.Message, cancellationToken);
        }
        catch (NotAuthorizedException error)
        {
            await WriteKindAsync(
                response, StatusCodes.Status403Forbidden, helpUrl, "Authorization Error", error.Message, cancellationToken);
        }
        catch (SearchQueryException error)
        {
            await WriteKindAsync(
                response, StatusCodes.Status400BadRequest, helpUrl, "Search Query Error", error.Message, cancellationToken);
        }
        catch (SearchException error)
        {
            await WriteKindAsync(
                response, StatusCodes.Status409Conflict, helpUrl, "Search Error", error.Message, cancellationToken);
        }
        catch (SearchIndexException error)
        {
            Log.ActionFailed(logger, name, error);
            await WriteKindAsync(
                response, StatusCodes.Status500InternalServerError, helpUrl, "Search Index Error", error.Message,
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client disconnected, so no response can be sent.
        }
        catch (Exception error)
        {
            Log.ActionFailed(logger, name, error);
            if (!response.HasStarted)
            {
                await WriteKindAsync(
                    response,
                    StatusCodes.Status500InternalServerError,
                    helpUrl,
                    "Internal Server Error",
                    "Internal Server Error",
                    cancellationToken);
            }
        }
    }

    // Kestrel's default body limit (30 MB) would cut an upload that ckan.max_resource_size allows; the
    // multipart reader checks the upload's own length, and the form fields get a further 32 MB.
    private static void AllowUploadBody(HttpContext http, long maxUploadBytes)
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var isMultipart = http.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        if (limit is { IsReadOnly: false, MaxRequestBodySize: { } current } && isMultipart)
        {
            limit.MaxRequestBodySize = Math.Max(current, maxUploadBytes + FormFieldAllowance);
        }
    }

    private static Task WriteKindAsync(
        HttpResponse response,
        int status,
        string helpUrl,
        string type,
        string message,
        CancellationToken cancellationToken) =>
        ActionResponseWriter.WriteErrorAsync(
            response,
            status,
            helpUrl,
            new JsonObject { ["__type"] = type, ["message"] = message },
            cancellationToken);

    private static string? ReadCallback(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return null;
        }

        var callback = request.Query["callback"].ToString();
        if (callback.Length == 0)
        {
            return null;
        }

        if (!CallbackPattern().IsMatch(callback))
        {
            throw new BadRequestException("Invalid callback name: use letters, digits, _, $ and dots only.");
        }

        return callback;
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$.]{0,99}$")]
    private static partial Regex CallbackPattern();
}
