using System.Text.Json.Nodes;
using Ckan.Core.Auth;
using Ckan.Core.Catalog;
using Ckan.Core.Dictization;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Search;

namespace Ckan.Core.Actions;

/// <summary>
/// Builds the dictionaries group_show and group_list return, adding dataset counts, extras, users and
/// datasets as the caller asks.
/// </summary>
public static class GroupShowBuilder
{
    /// <summary>What to add to a group dictionary.</summary>
    public sealed record Options
    {
        public bool IncludeDatasetCount { get; init; } = true;
        public bool IncludeExtras { get; init; }
        public bool IncludeUsers { get; init; }
        public bool IncludeGroups { get; init; }
        public bool IncludeTags { get; init; }
        public bool IncludeDatasets { get; init; }
        public bool IncludeMemberCount { get; init; }
    }

    /// <summary>
    /// Reads a group again and builds its dictionary with group_show's defaults, as the create and update
    /// actions return it.
    /// </summary>
    public static async Task<JsonObject> ShowAsync(ActionContext context, string groupId, CancellationToken cancellationToken)
    {
        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var group = await session.GetGroupAsync(groupId, cancellationToken) ?? throw new NotFoundException();
        return await BuildAsync(context, session, group, ReadShowOptions(context, new JsonObject()), cancellationToken);
    }

    /// <summary>Builds the dictionaries of several groups, counting datasets in one query.</summary>
    public static async Task<JsonArray> BuildManyAsync(
        ActionContext context,
        ICatalogSession session,
        IReadOnlyList<GroupRow> groups,
        Options options,
        CancellationToken cancellationToken)
    {
        var counts = options.IncludeDatasetCount
            ? await CountDatasetsAsync(context, session, groups.Select(group => group.Id).ToList(), cancellationToken)
            : new Dictionary<string, int>();
        var list = new JsonArray();
        foreach (var group in groups)
        {
            list.Add(await BuildAsync(context, session, group, options, counts, cancellationToken));
        }

        return list;
    }

    /// <summary>Builds one group's dictionary.</summary>
    public static async Task<JsonObject> BuildAsync(
        ActionContext context,
        ICatalogSession session,
        GroupRow group,
        Options options,
        CancellationToken cancellationToken)
    {
        var counts = options.IncludeDatasetCount
            ? await CountDatasetsAsync(context, session, [group.Id], cancellationToken)
            : new Dictionary<string, int>();
        return await BuildAsync(context, session, group, options, counts, cancellationToken);
    }

    private static async Task<JsonObject> BuildAsync(
        ActionContext context,
        ICatalogSession session,
        GroupRow group,
        Options options,
        IReadOnlyDictionary<string, int> counts,
        CancellationToken cancellationToken)
    {
        var dict = GroupDictizer.Dictize(group, context.Config.SiteUrl);
        if (options.IncludeDatasetCount)
        {
            dict["package_count"] = counts.GetValueOrDefault(group.Id);
        }

        if (options.IncludeExtras)
        {
            dict["extras"] = GroupDictizer.DictizeExtras(await session.GetGroupExtrasAsync(group.Id, cancellationToken));
        }

        if (options.IncludeTags)
        {
            dict["tags"] = new JsonArray();
        }

        if (options.IncludeGroups)
        {
            dict["groups"] = new JsonArray();
        }

        var userMembers = options.IncludeUsers || options.IncludeMemberCount
            ? await session.ListMembersAsync(group.Id, "user", null, cancellationToken)
            : [];
        if (options.IncludeUsers)
        {
            dict["users"] = await BuildUsersAsync(context, session, userMembers, cancellationToken);
        }

        if (options.IncludeMemberCount)
        {
            dict["member_count"] = userMembers.Count;
        }

        if (options.IncludeDatasets)
        {
            var search = new JsonObject
            {
                ["fq"] = group.IsOrganization ? $"organization:\"{group.Name}\"" : $"groups:\"{group.Name}\"",
                ["rows"] = 10,
                ["include_private"] = true,
            };
            var outcome = await PackageSearch.RunAsync(context, search, cancellationToken);
            dict["packages"] = outcome.ResultsAsJson();
        }

        return dict;
    }

    private static async Task<JsonArray> BuildUsersAsync(
        ActionContext context,
        ICatalogSession session,
        IReadOnlyList<MemberRow> members,
        CancellationToken cancellationToken)
    {
        var users = new JsonArray();
        foreach (var member in members)
        {
            var user = await session.GetUserAsync(member.TableId, cancellationToken);
            if (user is null || !string.Equals(user.State, "active", StringComparison.Ordinal))
            {
                continue;
            }

            var isSelf = context.User is not null && string.Equals(context.User.Id, user.Id, StringComparison.Ordinal);
            var count = await session.CountPackagesCreatedByAsync(user.Id, cancellationToken);
            var dict = UserDictizer.Dictize(user, count, context.IsSysadmin || isSelf);
            dict["capacity"] = member.Capacity;
            users.Add(dict);
        }

        return users;
    }

    private static async Task<IReadOnlyDictionary<string, int>> CountDatasetsAsync(
        ActionContext context,
        ICatalogSession session,
        IReadOnlyList<string> groupIds,
        CancellationToken cancellationToken)
    {
        var readable = context.IsSysadmin
            ? []
            : await Authorizer.OrganizationsWithPermissionAsync(context, session, Permissions.Read, cancellationToken);
        return await session.CountGroupPackagesAsync(groupIds, readable, context.IsSysadmin, cancellationToken);
    }

    /// <summary>Reads the include_* flags of group_show, with CKAN's defaults.</summary>
    public static Options ReadShowOptions(ActionContext context, JsonObject data) => new()
    {
        IncludeDatasetCount = DataDict.GetBool(data, "include_dataset_count", true),
        IncludeExtras = DataDict.GetBool(data, "include_extras", true),
        IncludeUsers = DataDict.GetBool(data, "include_users", context.Config.AuthOption("public_user_details")),
        IncludeGroups = DataDict.GetBool(data, "include_groups", true),
        IncludeTags = DataDict.GetBool(data, "include_tags", true),
        IncludeDatasets = DataDict.GetBool(data, "include_datasets", false),
        IncludeMemberCount = DataDict.GetBool(data, "include_member_count", false),
    };
}
