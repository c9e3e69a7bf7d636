using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.DataStore.Tests.Support;

/// <summary>Builds DataStore tables for a test: a fresh organization, dataset and resource each time.</summary>
public static class DataStoreTables
{
    /// <summary>
    /// Creates a dataset (private when <paramref name="isPrivate"/> is true) with a datastore-only resource whose table has the fields and
    /// records, through datastore_create as a sysadmin. Returns the resource id.
    /// </summary>
    public static async Task<string> CreateTableAsync(
        this TestPortal portal,
        JsonArray fields,
        JsonArray records,
        CancellationToken cancellationToken,
        bool isPrivate = false,
        JsonObject? extra = null)
    {
        var organization = await portal.CreateOrganizationAsync(cancellationToken);
        var dataset = await portal.CreateDatasetAsync(
            new JsonObject { ["owner_org"] = organization, ["private"] = isPrivate }, cancellationToken);
        var data = new JsonObject
        {
            ["resource"] = new JsonObject { ["package_id"] = dataset["id"]!.GetValue<string>(), ["name"] = "table" },
            ["fields"] = fields.DeepClone(),
            ["records"] = records.DeepClone(),
        };
        foreach (var (key, value) in extra ?? [])
        {
            data[key] = value?.DeepClone();
        }

        var created = await portal.ArrangeAsync("datastore_create", data, cancellationToken);
        return created!["resource_id"]!.GetValue<string>();
    }

    /// <summary>Runs datastore_search over HTTP as anonymous (or with a token) and returns the result.</summary>
    public static async Task<JsonObject> SearchAsync(
        this TestPortal portal,
        JsonObject data,
        CancellationToken cancellationToken,
        string? token = null)
    {
        var response = await portal.PostAsync("datastore_search", data, token, cancellationToken);
        ApiAssert.Status(response, HttpStatusCode.OK);
        return response.Result!.AsObject();
    }

    /// <summary>Returns the number of rows in a table, read as a sysadmin in-process.</summary>
    public static async Task<long> CountRowsAsync(this TestPortal portal, string resourceId, CancellationToken cancellationToken)
    {
        var result = await portal.ArrangeAsync(
            "datastore_search", new JsonObject { ["resource_id"] = resourceId, ["limit"] = 0 }, cancellationToken);
        return result!["total"]!.GetValue<long>();
    }

    /// <summary>Builds a JSON array from values.</summary>
    public static JsonArray Array(params JsonNode?[] items) => new(items);
}
