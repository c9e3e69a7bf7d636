using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Schemas;
using Ckan.Core.Search;

namespace Ckan.Core.Actions.Update;

/// <summary>Update and patch actions on groups and organizations.</summary>
public static class GroupUpdate
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("group_update", (context, data, token) => UpdateAsync(context, data, GroupKind.Group, false, token))
        .Add("organization_update",
            (context, data, token) => UpdateAsync(context, data, GroupKind.Organization, false, token))
        .Add("group_patch", (context, data, token) => UpdateAsync(context, data, GroupKind.Group, true, token))
        .Add("organization_patch",
            (context, data, token) => UpdateAsync(context, data, GroupKind.Organization, true, token));

    /// <summary>
    /// group_update / organization_update replace a group's fields and extras (parameter <c>id</c>, id or
    /// name); the *_patch forms change only the keys given. On update, the <c>users</c> list (and a group's
    /// <c>packages</c> list) replaces the members, so an absent list removes them, as in CKAN.
    /// Returns the group as group_show does.
    /// </summary>
    public static async Task<ActionResult> UpdateAsync(
        ActionContext context,
        JsonObject data,
        GroupKind kind,
        bool isPatch,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var existing = await GroupLookup.FindAsync(session, id, kind, cancellationToken);
        if (!await Authorizer.HasGroupPermissionAsync(context, session, existing.Id, Permissions.Update, cancellationToken))
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to edit group {existing.Id}");
        }

        var affected = new HashSet<string>(
            await SearchIndexer.ListGroupPackageIdsAsync(session, existing, cancellationToken), StringComparer.Ordinal);
        var input = isPatch ? await MergeAsync(context, session, existing, data, cancellationToken) : data;
        var group = await GroupSchema.ValidateAsync(
            context, session, input, existing, kind.IsOrganization, cancellationToken);
        await session.UpdateGroupAsync(group, cancellationToken);
        await session.ReplaceGroupExtrasAsync(group.Id, GroupSchema.ReadExtras(input), cancellationToken);
        await GroupMembers.ApplyUsersAsync(session, group.Id, data, replace: !isPatch, cancellationToken);
        await GroupMembers.ApplyPackagesAsync(session, group, data, replace: !isPatch, cancellationToken);
        affected.UnionWith(await SearchIndexer.ListGroupPackageIdsAsync(session, group, cancellationToken));
        await session.CommitAsync(cancellationToken);
        context.ResetMemberships();

        // Datasets embed the group's name and title, and may have joined or left it.
        await SearchIndexer.IndexPackagesAsync(context.Services, affected, cancellationToken);

        return await GroupShowBuilder.ShowAsync(context, group.Id, cancellationToken);
    }

    private static async Task<JsonObject> MergeAsync(
        ActionContext context,
        Catalog.ICatalogSession session,
        Model.GroupRow existing,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var merged = GroupDictizer.Dictize(existing, context.Config.SiteUrl);
        merged["extras"] = GroupDictizer.DictizeExtras(await session.GetGroupExtrasAsync(existing.Id, cancellationToken));
        foreach (var (key, value) in data)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }
}
