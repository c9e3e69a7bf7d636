using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.DataStore.Actions;

/// <summary>Input checks every DataStore action shares, with CKAN's messages.</summary>
public static class DataStoreInput
{
    /// <summary>Refuses keys outside <paramref name="known"/> as CKAN's <c>__junk</c> error.</summary>
    public static void RejectUnknownKeys(JsonObject data, IReadOnlySet<string> known)
    {
        var junk = data.Select(pair => pair.Key).Where(key => !known.Contains(key)).ToList();
        if (junk.Count > 0)
        {
            throw ValidationException.ForField(
                "__junk", $"The input field [{string.Join(", ", junk.Select(key => "'" + key + "'"))}] was not expected.");
        }
    }

    /// <summary>Returns <c>resource_id</c>, also accepted as <c>id</c>, or raises "Missing value".</summary>
    public static string ResourceId(JsonObject data)
    {
        var id = DataDict.GetString(data, "resource_id");
        if (string.IsNullOrEmpty(id))
        {
            id = DataDict.GetString(data, "id");
        }

        return string.IsNullOrEmpty(id) ? throw ValidationException.Missing("resource_id") : id;
    }

    /// <summary>
    /// Refuses to change a resource whose data comes from its file (url_type not <c>datastore</c>) unless
    /// <c>force</c> is true, as CKAN does to protect tables the DataPusher would overwrite.
    /// </summary>
    public static void CheckWritable(Core.Model.ResourceRow resource, JsonObject data)
    {
        if (resource.UrlType == "datastore" || DataDict.GetBool(data, "force", false))
        {
            return;
        }

        throw ValidationException.ForField(
            "read-only",
            "Cannot edit read-only resource because changes made may be lost. Use a resource created for "
            + "editing e.g. with datastore_create or use \"force=True\" to ignore this warning.");
    }

    /// <summary>Returns a copy of the input as CKAN echoes it: without <c>id</c> and <c>connection_url</c>.</summary>
    public static JsonObject Echo(JsonObject data, string resourceId)
    {
        var echo = data.DeepClone().AsObject();
        echo.Remove("id");
        echo.Remove("connection_url");
        echo["resource_id"] = resourceId;
        return echo;
    }
}
