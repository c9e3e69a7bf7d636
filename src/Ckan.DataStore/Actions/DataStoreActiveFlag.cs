using System.Text.Json.Nodes;
using Ckan.Core.Actions;

namespace Ckan.DataStore.Actions;

/// <summary>
/// Sets the resource's <c>datastore_active</c> flag through resource_patch, so the dataset is saved and
/// reindexed the usual way. The caller's rights were checked already; the patch itself skips them.
/// </summary>
public static class DataStoreActiveFlag
{
    /// <summary>Sets the flag unless it already has the value.</summary>
    public static async Task SetAsync(ActionContext context, string resourceId, bool active, CancellationToken cancellationToken)
    {
        var resource = await DataStoreAccess.GetResourceAsync(context, resourceId, cancellationToken);
        var extras = resource.Extras is { Length: > 0 } text ? JsonNode.Parse(text) as JsonObject : null;
        var current = extras?["datastore_active"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
        if (current == active)
        {
            return;
        }

        var patch = context.Services.Actions.Find("resource_patch")!;
        var system = new ActionContext(context.Services, context.User, ignoreAuth: true);
        await patch.Handler(system, new JsonObject { ["id"] = resourceId, ["datastore_active"] = active }, cancellationToken);
    }
}
