using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Auth;
using Ckan.Core.Catalog;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Plugins;
using Ckan.Core.Schemas.Validators;

namespace Ckan.Core.Schemas;

/// <summary>
/// Validates dataset dictionaries for package_create and package_update with CKAN's default schema.
/// Keys the schema does not know are dropped, as CKAN's default schema drops them.
/// </summary>
public static class PackageSchema
{
    /// <summary>Fields of the dataset itself; an extra with one of these keys is rejected.</summary>
    public static readonly IReadOnlySet<string> CoreFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "name", "title", "author", "author_email", "maintainer", "maintainer_email", "license_id",
        "notes", "url", "version", "state", "type", "resources", "tags", "extras", "groups", "owner_org",
        "private", "metadata_created", "metadata_modified", "creator_user_id", "tag_string", "plugin_data",
        "organization", "num_resources", "num_tags", "isopen", "license_title", "license_url",
        "relationships_as_object", "relationships_as_subject",
    };

    private static readonly HashSet<string> States = new(StringComparer.Ordinal) { "active", "draft", "deleted" };

    /// <summary>
    /// Validates the dictionary, raising a validation error listing every problem. For an update,
    /// <paramref name="stored"/> is the stored dataset with its resources.
    /// </summary>
    public static async Task<ValidatedPackage> ValidateAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject input,
        PackageGraph? stored,
        CancellationToken cancellationToken)
    {
        var existing = stored?.Package;
        var errors = new ErrorCollector();
        var id = ValidateId(context, input, existing, errors);
        if (existing is null && id is not null && await session.GetPackageAsync(id, cancellationToken) is { } clash
            && string.Equals(clash.Id, id, StringComparison.Ordinal))
        {
            errors.Add("id", "Dataset id already exists");
        }

        id ??= existing?.Id ?? Guid.NewGuid().ToString();
        var name = await ValidateNameAsync(session, input, existing, id, errors, cancellationToken);
        var ownerOrg = await ValidateOwnerOrgAsync(context, session, input, existing, errors, cancellationToken);

        // As in CKAN, an omitted flag keeps the stored value on update, and an owner_org that is given
        // but unknown is reported on owner_org alone.
        var isPrivate = DataDict.GetBool(input, "private", existing?.Private ?? false);
        if (isPrivate && string.IsNullOrEmpty(DataDict.GetString(input, "owner_org")) && existing?.OwnerOrg is null)
        {
            errors.Add("private", "Datasets with no organization can't be private.");
        }

        var version = DataDict.GetString(input, "version");
        if (version is { Length: > 100 })
        {
            errors.Add("version", "Version must be a maximum of 100 characters long");
        }

        CheckEmail(input, "author_email", errors);
        CheckEmail(input, "maintainer_email", errors);
        var extras = ValidateExtras(input, errors);
        DatasetFieldRules.Validate(context.Services.Plugins.DatasetFields, input, extras, errors);
        var tags = await ValidateTagsAsync(session, input, errors, cancellationToken);
        var groupIds = await ValidateGroupsAsync(context, session, input, cancellationToken);
        var resources = ValidateResources(input, id, stored?.Resources ?? [], errors);
        await CheckResourceIdsAsync(session, resources, id, errors, cancellationToken);
        errors.ThrowIfAny();

        var package = new PackageRow
        {
            Id = id,
            Name = name,
            Title = NullIfEmpty(DataDict.GetString(input, "title")) ?? name,
            Version = version,
            Url = DataDict.GetString(input, "url"),
            Author = DataDict.GetString(input, "author"),
            AuthorEmail = DataDict.GetString(input, "author_email")?.Trim(),
            Maintainer = DataDict.GetString(input, "maintainer"),
            MaintainerEmail = DataDict.GetString(input, "maintainer_email")?.Trim(),
            Notes = DataDict.GetString(input, "notes"),
            LicenseId = DataDict.GetString(input, "license_id"),
            Type = existing?.Type ?? NullIfEmpty(DataDict.GetString(input, "type")) ?? "dataset",
            OwnerOrg = ownerOrg,
            CreatorUserId = existing?.CreatorUserId ?? context.User?.Id,
            MetadataCreated = existing?.MetadataCreated,
            Private = isPrivate,
            State = ValidateState(input, existing),
            PluginData = existing?.PluginData,
        };
        return new ValidatedPackage
        {
            Package = package,
            Resources = resources,
            Extras = extras,
            Tags = tags,
            GroupIds = groupIds,
        };
    }

    private static string? ValidateId(ActionContext context, JsonObject input, PackageRow? existing, ErrorCollector errors)
    {
        if (existing is not null)
        {
            return existing.Id;
        }

        var id = DataDict.GetString(input, "id");
        if (string.IsNullOrEmpty(id) || !context.IsSysadmin)
        {
            return null;
        }

        if (!Guid.TryParse(id, out _))
        {
            errors.Add("id", "Invalid id provided");
        }

        return id;
    }

    private static async Task<string> ValidateNameAsync(
        ICatalogSession session,
        JsonObject input,
        PackageRow? existing,
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

        var name = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        if (name is null && existing is not null)
        {
            errors.Add("name", "Names must be strings");
            return "";
        }

        if (name is null)
        {
            // CKAN's create schema turns any other JSON value into its JSON text before the name rules
            // run, so true becomes the name "true". Only its update schema requires a string.
            if (node is JsonArray { Count: 0 } or JsonObject { Count: 0 })
            {
                errors.Add("name", "Missing value");
                return "";
            }

            name = node.ToJsonString();
        }

        var problem = NameRules.Check(name);
        if (problem is not null)
        {
            errors.Add("name", problem);
            return name;
        }

        var holder = await session.FindPackageByNameAsync(name, cancellationToken);
        if (holder is not null
            && !string.Equals(holder.Id, id, StringComparison.Ordinal)
            && !string.Equals(holder.State, "deleted", StringComparison.Ordinal))
        {
            errors.Add("name", "That URL is already in use.");
        }

        return name;
    }

    private static bool IsPluginType(ActionContext context, JsonObject input, PackageRow? existing)
    {
        var type = existing?.Type ?? DataDict.GetString(input, "type");
        return context.Services.Plugins.Of<IDatasetTypePlugin>()
            .Any(plugin => string.Equals(plugin.DatasetType, type, StringComparison.Ordinal));
    }

    private static async Task<string?> ValidateOwnerOrgAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject input,
        PackageRow? existing,
        ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        var value = DataDict.GetString(input, "owner_org");
        if (value is null && existing is not null)
        {
            // package_update keeps the organization when the key is omitted or null.
            return existing.OwnerOrg;
        }

        if (string.IsNullOrEmpty(value))
        {
            if (!context.Config.AuthOption("create_unowned_dataset") && !IsPluginType(context, input, existing))
            {
                errors.Add("owner_org", "An organization must be provided");
            }

            return null;
        }

        var organization = await session.GetGroupAsync(value, cancellationToken);
        if (organization is null || !organization.IsOrganization
            || string.Equals(organization.State, "deleted", StringComparison.Ordinal))
        {
            errors.Add("owner_org", "Organization does not exist");
            return null;
        }

        var unchanged = existing is not null && string.Equals(existing.OwnerOrg, organization.Id, StringComparison.Ordinal);
        if (!unchanged && !await Authorizer.HasGroupPermissionAsync(
                context, session, organization.Id, Permissions.CreateDataset, cancellationToken))
        {
            errors.Add("owner_org", "You cannot add a dataset to this organization");
        }

        return organization.Id;
    }

    private static string ValidateState(JsonObject input, PackageRow? existing)
    {
        var state = DataDict.GetString(input, "state");
        if (state is not null && States.Contains(state))
        {
            return state;
        }

        return existing?.State ?? "active";
    }

    private static void CheckEmail(JsonObject input, string key, ErrorCollector errors)
    {
        var email = DataDict.GetString(input, key)?.Trim();
        if (!string.IsNullOrEmpty(email) && !EmailRules.IsValid(email))
        {
            errors.Add(key, $"Email {email} is not a valid format");
        }
    }

    private static List<ExtraRow> ValidateExtras(JsonObject input, ErrorCollector errors)
    {
        var extras = new List<ExtraRow>();
        if (input["extras"] is not JsonArray list)
        {
            if (input["extras"] is not null)
            {
                errors.Add("extras", "Not a list");
            }

            return extras;
        }

        var itemErrors = new JsonArray();
        var anyItemError = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            var itemError = new JsonObject();
            itemErrors.Add(itemError);
            if (item is not JsonObject extra)
            {
                itemError["key"] = new JsonArray("Missing value");
                anyItemError = true;
                continue;
            }

            if (DataDict.GetBool(extra, "deleted", false))
            {
                continue;
            }

            var key = DataDict.GetString(extra, "key");
            if (string.IsNullOrEmpty(key))
            {
                itemError["key"] = new JsonArray("Missing value");
                anyItemError = true;
                continue;
            }

            if (CoreFields.Contains(key))
            {
                itemError["key"] = new JsonArray("There is a schema field with the same name");
                anyItemError = true;
                continue;
            }

            if (!seen.Add(key))
            {
                errors.Add("extras_validation", $"Duplicate key \"{key}\"");
                continue;
            }

            extras.Add(new ExtraRow(key, DataDict.GetString(extra, "value") ?? ""));
        }

        if (anyItemError)
        {
            errors.Set("extras", itemErrors);
        }

        return extras;
    }

    private static async Task<List<TagReference>> ValidateTagsAsync(
        ICatalogSession session,
        JsonObject input,
        ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        var tags = new List<TagReference>();
        var names = new List<(string? Name, string? Vocabulary)>();
        if (input["tags"] is JsonArray list)
        {
            foreach (var item in list)
            {
                names.Add(item is JsonObject tag
                    ? (DataDict.GetString(tag, "name"), NullIfEmpty(DataDict.GetString(tag, "vocabulary_id")))
                    : (DataDict.AsString(item), null));
            }
        }
        else if (input["tags"] is not null)
        {
            errors.Add("tags", "Not a list");
        }

        foreach (var part in (DataDict.GetString(input, "tag_string") ?? "").Split(','))
        {
            if (part.Trim().Length > 0)
            {
                names.Add((part.Trim(), null));
            }
        }

        foreach (var (name, vocabulary) in names)
        {
            if (string.IsNullOrEmpty(name))
            {
                errors.Add("tags", "Missing value");
                continue;
            }

            var messages = TagRules.Check(name);
            if (messages.Count > 0)
            {
                errors.Add("tags", string.Join(", ", messages));
                continue;
            }

            var vocabularyId = vocabulary is null
                ? null
                : await session.FindVocabularyIdAsync(vocabulary, cancellationToken);
            if (vocabulary is not null && vocabularyId is null)
            {
                // CKAN flattens only name messages into text; a vocabulary error stays a field dictionary.
                var vocabularyError = new JsonArray("Tag vocabulary was not found.");
                errors.Add("tags", new JsonObject { ["vocabulary_id"] = vocabularyError });
                continue;
            }

            tags.Add(new TagReference(name, vocabularyId));
        }

        return tags;
    }

    private static async Task<List<string>> ValidateGroupsAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject input,
        CancellationToken cancellationToken)
    {
        var groupIds = new List<string>();
        if (input["groups"] is not JsonArray list)
        {
            return groupIds;
        }

        foreach (var item in list)
        {
            // As CKAN does: the id wins over the name, and a group that does not exist is skipped.
            var found = item switch
            {
                JsonObject group when DataDict.GetString(group, "id") is { Length: > 0 } id =>
                    await session.GetGroupAsync(id, cancellationToken),
                JsonObject group when DataDict.GetString(group, "name") is { Length: > 0 } name =>
                    await session.GetGroupAsync(name, cancellationToken),
                JsonValue value when DataDict.AsString(value) is { Length: > 0 } reference =>
                    await session.GetGroupAsync(reference, cancellationToken),
                _ => null,
            };
            if (found is null || found.IsOrganization || string.Equals(found.State, "deleted", StringComparison.Ordinal))
            {
                continue;
            }

            // CKAN also leaves out groups the caller cannot manage instead of failing the save.
            if (await Authorizer.HasGroupPermissionAsync(
                    context, session, found.Id, Permissions.ManageGroup, cancellationToken))
            {
                groupIds.Add(found.Id);
            }
        }

        return groupIds;
    }

    private static List<ResourceRow> ValidateResources(
        JsonObject input,
        string packageId,
        IReadOnlyList<ResourceRow> storedResources,
        ErrorCollector errors)
    {
        var previous = storedResources.ToDictionary(resource => resource.Id, StringComparer.Ordinal);
        var resources = new List<ResourceRow>();
        if (input["resources"] is not JsonArray list)
        {
            if (input["resources"] is not null)
            {
                errors.Add("resources", "Not a list");
            }

            return resources;
        }

        var itemErrors = new JsonArray();
        var anyError = false;
        foreach (var item in list)
        {
            var resourceErrors = new JsonObject();
            itemErrors.Add(resourceErrors);
            if (item is not JsonObject resource)
            {
                resourceErrors["url"] = new JsonArray("Missing value");
                anyError = true;
                continue;
            }

            var storedRow = DataDict.GetString(resource, "id") is { } resourceId ? previous.GetValueOrDefault(resourceId) : null;
            var row = ResourceSchema.Validate(resource, packageId, resourceErrors, storedRow);
            if (row is null)
            {
                anyError = true;
                continue;
            }

            resources.Add(row with { Position = resources.Count });
        }

        if (anyError)
        {
            errors.Set("resources", itemErrors);
        }

        return resources;
    }

    // A resource id names one resource in the whole catalog, so an id that belongs to another dataset
    // is refused instead of moving or overwriting that resource.
    private static async Task CheckResourceIdsAsync(
        ICatalogSession session,
        IReadOnlyList<ResourceRow> resources,
        string packageId,
        ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (!seen.Add(resource.Id))
            {
                errors.Add("resources", $"Resource id \"{resource.Id}\" appears more than once");
                continue;
            }

            var stored = await session.GetResourceAsync(resource.Id, cancellationToken);
            if (stored is not null && !string.Equals(stored.PackageId, packageId, StringComparison.Ordinal))
            {
                errors.Add("resources", $"Resource id \"{resource.Id}\" already belongs to another dataset");
            }
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
