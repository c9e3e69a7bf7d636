using Ckan.Core.Model;

namespace Ckan.Core.Catalog;

/// <summary>
/// One unit of work on the catalog. Lookups by "id or name" match the id first, then the name.
/// </summary>
public interface ICatalogSession : IAsyncDisposable
{
    /// <summary>Commits a write session; a read session ignores it.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);

    // Datasets

    Task<PackageRow?> GetPackageAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Loads a dataset with its active resources, extras, tags, groups and organization.</summary>
    Task<PackageGraph?> GetPackageGraphAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Loads several datasets by id, in the order of <paramref name="ids"/>.</summary>
    Task<IReadOnlyList<PackageGraph>> GetPackageGraphsAsync(
        IReadOnlyList<string> ids,
        CancellationToken cancellationToken = default);

    /// <summary>Returns the id of a dataset using the name, state other than deleted included.</summary>
    Task<PackageRow?> FindPackageByNameAsync(string name, CancellationToken cancellationToken = default);

    Task InsertPackageAsync(PackageRow package, CancellationToken cancellationToken = default);
    Task UpdatePackageAsync(PackageRow package, CancellationToken cancellationToken = default);

    /// <summary>Replaces the dataset's extras with the given ones.</summary>
    Task ReplacePackageExtrasAsync(
        string packageId,
        IReadOnlyList<ExtraRow> extras,
        CancellationToken cancellationToken = default);

    /// <summary>Replaces the dataset's tags, creating tags that do not exist yet.</summary>
    Task ReplacePackageTagsAsync(
        string packageId,
        IReadOnlyList<TagReference> tags,
        CancellationToken cancellationToken = default);

    /// <summary>Replaces the dataset's group (not organization) memberships.</summary>
    Task ReplacePackageGroupsAsync(
        string packageId,
        IReadOnlyList<string> groupIds,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the dataset's resources: the given rows are inserted or updated, active rows not given
    /// become deleted, and rows that were already deleted are purged, as CKAN's package_update does.
    /// </summary>
    Task SaveResourcesAsync(
        string packageId,
        IReadOnlyList<ResourceRow> resources,
        CancellationToken cancellationToken = default);

    Task<ResourceRow?> GetResourceAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a dataset and everything attached to it for good.</summary>
    Task PurgePackageAsync(string packageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns up to <paramref name="limit"/> datasets that are not deleted, as ids with their change
    /// times, in id order, starting after <paramref name="afterId"/> (null for the first page); used to
    /// walk the catalog in batches.
    /// </summary>
    Task<IReadOnlyList<PackageStamp>> ListPackageStampsAsync(
        string? afterId,
        int limit,
        CancellationToken cancellationToken = default);

    /// <summary>Counts the datasets that are not deleted.</summary>
    Task<int> CountPackagesAsync(CancellationToken cancellationToken = default);

    /// <summary>Names of active public datasets in name order.</summary>
    Task<IReadOnlyList<string>> ListPackageNamesAsync(
        int? limit,
        int offset,
        CancellationToken cancellationToken = default);

    Task<PackageSearchPage> SearchPackagesAsync(PackageQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts active datasets created by the user, private ones left out.</summary>
    Task<int> CountPackagesCreatedByAsync(string userId, CancellationToken cancellationToken = default);

    // Resource views

    Task<ResourceViewRow?> GetResourceViewAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Returns the resource's views, lowest order first.</summary>
    Task<IReadOnlyList<ResourceViewRow>> ListResourceViewsAsync(
        string resourceId,
        CancellationToken cancellationToken = default);

    Task InsertResourceViewAsync(ResourceViewRow view, CancellationToken cancellationToken = default);
    Task UpdateResourceViewAsync(ResourceViewRow view, CancellationToken cancellationToken = default);
    Task DeleteResourceViewAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes every view of the given types, or every view when <paramref name="viewTypes"/> is empty.</summary>
    Task DeleteResourceViewsAsync(IReadOnlyList<string> viewTypes, CancellationToken cancellationToken = default);

    // Showcases (the showcase plugin's tables)

    /// <summary>Returns the ids of the datasets linked to a showcase.</summary>
    Task<IReadOnlyList<string>> ListShowcasePackageIdsAsync(
        string showcaseId,
        CancellationToken cancellationToken = default);

    /// <summary>Returns the ids of the showcases a dataset is linked to.</summary>
    Task<IReadOnlyList<string>> ListPackageShowcaseIdsAsync(
        string packageId,
        CancellationToken cancellationToken = default);

    /// <summary>Links a dataset to a showcase; returns false when the link already exists.</summary>
    Task<bool> AddShowcasePackageAsync(
        string showcaseId,
        string packageId,
        CancellationToken cancellationToken = default);

    /// <summary>Removes a link; returns false when there was none.</summary>
    Task<bool> RemoveShowcasePackageAsync(
        string showcaseId,
        string packageId,
        CancellationToken cancellationToken = default);

    /// <summary>Removes every link of a showcase, or of a dataset, with this id.</summary>
    Task RemoveShowcaseLinksAsync(string packageId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListShowcaseAdminIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a showcase admin; returns false when the user already is one.</summary>
    Task<bool> AddShowcaseAdminAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Removes a showcase admin; returns false when the user was not one.</summary>
    Task<bool> RemoveShowcaseAdminAsync(string userId, CancellationToken cancellationToken = default);

    // Tags and vocabularies

    Task<IReadOnlyList<TagRow>> ListTagsAsync(
        string? query,
        string? vocabularyId,
        CancellationToken cancellationToken = default);

    Task<string?> FindVocabularyIdAsync(string idOrName, CancellationToken cancellationToken = default);

    // Groups and organizations

    Task<GroupRow?> GetGroupAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the groups and organizations, in any state, that have one of these names, keyed by name;
    /// names that match none are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, GroupRow>> GetGroupsByNameAsync(
        IReadOnlyCollection<string> names,
        CancellationToken cancellationToken = default);

    Task InsertGroupAsync(GroupRow group, CancellationToken cancellationToken = default);
    Task UpdateGroupAsync(GroupRow group, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ExtraRow>> GetGroupExtrasAsync(string groupId, CancellationToken cancellationToken = default);

    Task ReplaceGroupExtrasAsync(
        string groupId,
        IReadOnlyList<ExtraRow> extras,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a group or organization with its memberships and extras for good.</summary>
    Task PurgeGroupAsync(string groupId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GroupRow>> ListGroupsAsync(GroupQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts active datasets per group or organization; private ones only where the group is in
    /// <paramref name="privateReadableGroupIds"/> or <paramref name="includeAllPrivate"/> is set.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountGroupPackagesAsync(
        IReadOnlyList<string> groupIds,
        IReadOnlyCollection<string> privateReadableGroupIds,
        bool includeAllPrivate,
        CancellationToken cancellationToken = default);

    /// <summary>Counts the active, non-deleted datasets an organization owns.</summary>
    Task<int> CountOrganizationDatasetsAsync(string organizationId, CancellationToken cancellationToken = default);

    /// <summary>Detaches every dataset from an organization (owner_org becomes null).</summary>
    Task DetachOrganizationDatasetsAsync(string organizationId, CancellationToken cancellationToken = default);

    // Members

    Task<MemberRow?> GetMemberAsync(
        string groupId,
        string tableName,
        string tableId,
        CancellationToken cancellationToken = default);

    Task UpsertMemberAsync(MemberRow member, CancellationToken cancellationToken = default);

    /// <summary>Marks the membership deleted; returns false when there was no active one.</summary>
    Task<bool> DeleteMemberAsync(
        string groupId,
        string tableName,
        string tableId,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MemberRow>> ListMembersAsync(
        string groupId,
        string? tableName,
        string? capacity,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes every membership the object has, in any group.</summary>
    Task DeleteMembershipsOfAsync(string tableName, string tableId, CancellationToken cancellationToken = default);

    /// <summary>The user's active memberships in active groups and organizations.</summary>
    Task<IReadOnlyList<Membership>> ListMembershipsAsync(string userId, CancellationToken cancellationToken = default);

    // Users

    Task<UserRow?> GetUserAsync(string idOrName, CancellationToken cancellationToken = default);
    Task<UserRow?> FindActiveUserByEmailAsync(string email, CancellationToken cancellationToken = default);
    Task InsertUserAsync(UserRow user, CancellationToken cancellationToken = default);
    Task UpdateUserAsync(UserRow user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Users that are not deleted whose name or full name (and email, with <paramref name="matchEmail"/>)
    /// contains <paramref name="text"/>.
    /// </summary>
    Task<IReadOnlyList<UserRow>> ListUsersAsync(
        string? text,
        bool matchEmail,
        string orderBy,
        int? limit,
        int offset,
        CancellationToken cancellationToken = default);

    // API tokens

    Task InsertApiTokenAsync(ApiTokenRow token, CancellationToken cancellationToken = default);
    Task<ApiTokenRow?> GetApiTokenAsync(string id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApiTokenRow>> ListApiTokensAsync(string userId, CancellationToken cancellationToken = default);
    Task<bool> DeleteApiTokenAsync(string id, CancellationToken cancellationToken = default);
    Task TouchApiTokenAsync(string id, string accessedAt, CancellationToken cancellationToken = default);

    /// <summary>Returns the task_status row of an entity's task, or null when there is none.</summary>
    Task<TaskStatusRow?> GetTaskStatusAsync(
        string entityId,
        string taskType,
        string key,
        CancellationToken cancellationToken = default);

    /// <summary>Inserts the row, or replaces the one with the same entity, task type and key.</summary>
    Task SaveTaskStatusAsync(TaskStatusRow row, CancellationToken cancellationToken = default);

    /// <summary>Returns the active system_info rows (runtime-editable config options) as key and value.</summary>
    Task<IReadOnlyDictionary<string, string?>> GetSystemInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the system_info row of <paramref name="key"/>.</summary>
    Task SetSystemInfoAsync(string key, string? value, CancellationToken cancellationToken = default);
}
