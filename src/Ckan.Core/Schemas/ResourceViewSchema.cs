using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Views;

namespace Ckan.Core.Schemas;

/// <summary>
/// CKAN's resource view schemas: <c>default_create_resource_view_schema</c> and the update changes, plus the
/// settings the view type declares. Keys outside both are rejected under <c>__extras</c>, as CKAN does.
/// </summary>
public static class ResourceViewSchema
{
    private static readonly HashSet<string> Columns =
        new(["id", "resource_id", "title", "description", "view_type"], StringComparer.Ordinal);

    /// <summary>
    /// Validates resource_view_create's input and returns the row to insert, with order 0 for the action
    /// to set. Raises <see cref="Errors.ValidationException"/> with every field's messages.
    /// </summary>
    public static async Task<ResourceViewRow> ValidateCreateAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject data,
        ResourceViewInfo info,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var id = DataDict.GetString(data, "id");
        if (string.IsNullOrEmpty(id))
        {
            id = null;
        }
        else if (!context.IsSysadmin)
        {
            // Only sysadmins choose view ids, as CKAN's empty_if_not_sysadmin validator enforces.
            errors.Add("id", "The input field id was not expected.");
            id = null;
        }
        else if (!IsUuid(id))
        {
            errors.Add("id", "Invalid id provided");
        }
        else if (await session.GetResourceViewAsync(id, cancellationToken) is not null)
        {
            errors.Add("id", "ResourceView id already exists");
        }

        var resourceId = DataDict.GetString(data, "resource_id");
        if (string.IsNullOrEmpty(resourceId))
        {
            errors.Add("resource_id", "Missing value");
        }
        else if (await session.GetResourceAsync(resourceId, cancellationToken) is null)
        {
            errors.Add("resource_id", "Not found: Resource");
        }

        var title = DataDict.GetString(data, "title");
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", "Missing value");
        }

        var config = ValidateSettings(data, info, errors, ignored: []);
        errors.ThrowIfAny();
        return new ResourceViewRow
        {
            Id = id ?? Guid.NewGuid().ToString(),
            ResourceId = resourceId!,
            Title = title,
            Description = DataDict.GetString(data, "description"),
            ViewType = info.Name,
            Config = config.Count == 0 ? null : config.ToJsonString(),
        };
    }

    /// <summary>
    /// Validates resource_view_update's input against the stored view and returns the changed row: given
    /// columns replace stored ones, and the given settings replace the whole config. The view type and
    /// <c>package_id</c> are ignored.
    /// </summary>
    public static async Task<ResourceViewRow> ValidateUpdateAsync(
        ICatalogSession session,
        JsonObject data,
        ResourceViewRow existing,
        ResourceViewInfo info,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var id = DataDict.GetString(data, "id") ?? "";
        if (!IsUuid(id))
        {
            errors.Add("id", "Invalid id provided");
        }

        var resourceId = existing.ResourceId;
        if (data.ContainsKey("resource_id"))
        {
            resourceId = DataDict.GetString(data, "resource_id") ?? "";
            if (await session.GetResourceAsync(resourceId, cancellationToken) is null)
            {
                errors.Add("resource_id", "Not found: Resource");
            }
        }

        var config = ValidateSettings(data, info, errors, ignored: ["package_id"]);
        errors.ThrowIfAny();
        return existing with
        {
            ResourceId = resourceId,
            Title = data.ContainsKey("title") ? DataDict.GetString(data, "title") : existing.Title,
            Description = data.ContainsKey("description")
                ? DataDict.GetString(data, "description")
                : existing.Description,
            Config = config.Count == 0 ? null : config.ToJsonString(),
        };
    }

    private static JsonObject ValidateSettings(
        JsonObject data,
        ResourceViewInfo info,
        ErrorCollector errors,
        IReadOnlyCollection<string> ignored)
    {
        var config = new JsonObject();
        foreach (var field in info.Fields)
        {
            if (!data.ContainsKey(field.Name))
            {
                continue;
            }

            var value = DataDict.GetString(data, field.Name) ?? "";
            if (value.Length > 0 && field.Validate(value) is { } message)
            {
                errors.Add(field.Name, message);
                continue;
            }

            config[field.Name] = value;
        }

        var unexpected = data.Select(pair => pair.Key)
            .Where(key => !Columns.Contains(key) && !ignored.Contains(key)
                && !info.Fields.Any(field => string.Equals(field.Name, key, StringComparison.Ordinal)))
            .ToList();
        if (unexpected.Count > 0)
        {
            errors.Add("__extras", "The input field __extras was not expected.");
        }

        return config;
    }

    private static bool IsUuid(string value) => Guid.TryParse(value, out _);
}
