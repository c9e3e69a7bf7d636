using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Schemas.Validators;

namespace Ckan.Core.Schemas;

/// <summary>Validates group and organization dictionaries for the create and update actions.</summary>
public static class GroupSchema
{
    /// <summary>
    /// Validates the dictionary and returns the row to store; <paramref name="existing"/> is null on
    /// create. Raises a validation error listing every problem.
    /// </summary>
    public static async Task<GroupRow> ValidateAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject input,
        GroupRow? existing,
        bool isOrganization,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var id = existing?.Id;
        if (id is null && context.IsSysadmin && DataDict.GetString(input, "id") is { Length: > 0 } givenId)
        {
            id = givenId;
            if (await session.GetGroupAsync(givenId, cancellationToken) is { } clash
                && string.Equals(clash.Id, givenId, StringComparison.Ordinal))
            {
                errors.Add("id", "Group id already exists");
            }
        }

        id ??= Guid.NewGuid().ToString();
        var name = await ValidateNameAsync(session, input, existing, id, errors, cancellationToken);
        ValidateExtras(input, errors);
        errors.ThrowIfAny();

        var defaultType = isOrganization ? "organization" : "group";
        var state = DataDict.GetString(input, "state");
        return new GroupRow
        {
            Id = id,
            Name = name,
            Title = DataDict.GetString(input, "title") ?? "",
            Type = existing?.Type ?? NullIfEmpty(DataDict.GetString(input, "type")) ?? defaultType,
            Description = DataDict.GetString(input, "description") ?? "",
            ImageUrl = DataDict.GetString(input, "image_url") ?? "",
            Created = existing?.Created ?? CkanTime.ToStorage(CkanTime.UtcNow()),
            IsOrganization = isOrganization,
            ApprovalStatus = NullIfEmpty(DataDict.GetString(input, "approval_status"))
                ?? existing?.ApprovalStatus ?? "approved",
            State = state is "active" or "deleted" && context.IsSysadmin ? state : existing?.State ?? "active",
        };
    }

    /// <summary>Returns the extras of a validated dictionary, in input order.</summary>
    public static IReadOnlyList<ExtraRow> ReadExtras(JsonObject input)
    {
        if (input["extras"] is not JsonArray list)
        {
            return [];
        }

        return list
            .OfType<JsonObject>()
            .Where(extra => !DataDict.GetBool(extra, "deleted", false))
            .Select(extra => new ExtraRow(DataDict.GetString(extra, "key") ?? "", DataDict.GetString(extra, "value") ?? ""))
            .Where(extra => extra.Key.Length > 0)
            .ToList();
    }

    private static async Task<string> ValidateNameAsync(
        ICatalogSession session,
        JsonObject input,
        GroupRow? existing,
        string id,
        ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        if (!input.TryGetPropertyValue("name", out var node) || node is null || DataDict.AsString(node) is "")
        {
            if (existing is not null)
            {
                return existing.Name;
            }

            errors.Add("name", "Missing value");
            return "";
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add("name", "Names must be strings");
            return "";
        }

        var name = node.GetValue<string>();
        var problem = NameRules.Check(name);
        if (problem is not null)
        {
            errors.Add("name", problem);
            return name;
        }

        var holder = await session.GetGroupAsync(name, cancellationToken);
        if (holder is not null && !string.Equals(holder.Id, id, StringComparison.Ordinal)
            && string.Equals(holder.Name, name, StringComparison.Ordinal))
        {
            errors.Add("name", "Group name already exists in database");
        }

        return name;
    }

    private static void ValidateExtras(JsonObject input, ErrorCollector errors)
    {
        if (input["extras"] is null)
        {
            return;
        }

        if (input["extras"] is not JsonArray list)
        {
            errors.Add("extras", "Not a list");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            var key = item is JsonObject extra ? DataDict.GetString(extra, "key") : null;
            if (string.IsNullOrEmpty(key))
            {
                errors.Add("extras", "Missing value");
            }
            else if (!seen.Add(key))
            {
                errors.Add("extras_validation", $"Duplicate key \"{key}\"");
            }
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
