using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;
using Ckan.DataStore;
using Ckan.DataStore.Actions;
using Ckan.DataStore.Dumps;
using Ckan.DataStore.Querying;
using Ckan.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ckan.Web.Api;

/// <summary>
/// <c>GET /datastore/dump/{resource_id}</c>: a resource's table as a CSV, TSV, JSON or XML download,
/// streamed, with the filters, full-text query, fields, sort and paging datastore_search takes.
/// </summary>
public static class DataStoreDumpEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapDataStoreDump(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/datastore/dump/{resourceId}", HandleAsync);
        return routes;
    }

    private static async Task HandleAsync(
        HttpContext http,
        string resourceId,
        CkanServices services,
        IDataStore store,
        DataStoreOptions options,
        ApiTokenAuthenticator authenticator)
    {
        var cancellationToken = http.RequestAborted;
        var request = http.Request;
        var data = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            data[key] = value.ToString();
        }

        var format = DumpFormat.Parse(request.Query["format"].ToString());
        if (format is null)
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, "format: format must be one of csv, tsv, json, xml", cancellationToken);
            return;
        }

        var user = await authenticator.AuthenticateAsync(request, cancellationToken);
        var context = new ActionContext(services, user);
        SearchQuery query;
        try
        {
            var schema = await DataStoreSearch.FindReadableAsync(store, context, resourceId, cancellationToken);
            int? limit = data.ContainsKey("limit") ? SearchRequestParser.ReadLimit(data, int.MaxValue, int.MaxValue) : null;
            query = SearchRequestParser.Parse(data, schema, limit, options.DefaultLanguage);
        }
        catch (Exception error) when (error is NotFoundException or NotAuthorizedException)
        {
            await WriteTextAsync(http, StatusCodes.Status404NotFound, "DataStore resource not found", cancellationToken);
            return;
        }
        catch (ValidationException error)
        {
            var lines = error.Errors.Select(pair => pair.Key + ": " + string.Join(", ", (pair.Value as JsonArray)?.Select(item => item?.ToString()) ?? [pair.Value?.ToString()]));
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, string.Join("\n", lines), cancellationToken);
            return;
        }

        var bom = Core.Json.DataDict.GetBool(data, "bom", false);
        http.Response.ContentType = format.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{resourceId}.{format.Extension}\"";
        await new DumpWriter(store).WriteAsync(query, format, bom, http.Response.Body, cancellationToken);
    }

    private static async Task WriteTextAsync(HttpContext http, int status, string text, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text, Encoding.UTF8, cancellationToken);
    }
}
