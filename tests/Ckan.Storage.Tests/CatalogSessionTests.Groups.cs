using Ckan.Core.Catalog;
using Ckan.Core.Model;

namespace Ckan.Storage.Tests;

public abstract partial class CatalogSessionTests
{
    [Fact]
    public async Task Group_reads_back_by_id_or_name()
    {
        var group = new GroupRow
        {
            Id = NewId(),
            Name = "full-group",
            Title = "Full group",
            Type = "group",
            Description = "Everything",
            ImageUrl = "http://example.org/logo.png",
            Created = Timestamp(1),
            IsOrganization = false,
            ApprovalStatus = "approved",
            State = "active",
        };

        await InsertGroupsAsync(group);

        Assert.Equal(group, await ReadAsync(session => session.GetGroupAsync(group.Id, Token)));
        Assert.Equal(group, await ReadAsync(session => session.GetGroupAsync("full-group", Token)));
    }

    [Fact]
    public async Task Groups_read_back_by_name()
    {
        var organization = NewOrganization("batch-organization");
        var group = NewGroup("batch-group");
        await InsertGroupsAsync(organization, group);
        var names = Enumerable.Range(0, 1200).Select(i => $"missing-{i}").Append("batch-group").Append("batch-organization");

        var found = await ReadAsync(session => session.GetGroupsByNameAsync(names.ToList(), Token));

        Assert.Equal(["batch-group", "batch-organization"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(organization, found["batch-organization"]);
        Assert.Equal(group, found["batch-group"]);
    }

    [Fact]
    public async Task Updated_group_keeps_created_time()
    {
        var organization = NewOrganization("before-update");
        await InsertGroupsAsync(organization);
        var changed = organization with
        {
            Name = "after-update",
            Title = "After",
            Description = "Changed",
            Created = Timestamp(99),
            State = "deleted",
        };

        await WriteAsync(session => session.UpdateGroupAsync(changed, Token));

        var stored = await ReadAsync(session => session.GetGroupAsync(organization.Id, Token));
        Assert.Equal(changed with { Created = organization.Created }, stored);
    }

    [Fact]
    public async Task Group_extras_replace_and_sort_by_key()
    {
        var group = NewGroup("extra-group");
        await InsertGroupsAsync(group);
        await WriteAsync(session => session.ReplaceGroupExtrasAsync(group.Id, [new("gone", "1")], Token));

        await WriteAsync(session =>
            session.ReplaceGroupExtrasAsync(group.Id, [new("website", "w"), new("contact", "c")], Token));

        var extras = await ReadAsync(session => session.GetGroupExtrasAsync(group.Id, Token));
        Assert.Equal([new ExtraRow("contact", "c"), new ExtraRow("website", "w")], extras);
    }

    [Fact]
    public async Task Lists_groups_sorted_by_title_ignoring_case()
    {
        await InsertGroupsAsync(
            NewGroup("group-b", "banana"),
            NewGroup("group-a", "Apple"),
            NewGroup("group-c", "cherry"),
            NewGroup("group-z", ""));

        var names = await ListGroupNamesAsync(new GroupQuery { IsOrganization = false });

        Assert.Equal(["group-a", "group-b", "group-c", "group-z"], names);
    }

    [Fact]
    public async Task Lists_groups_sorted_by_name_descending()
    {
        await InsertGroupsAsync(NewGroup("north", "A"), NewGroup("south", "B"), NewGroup("east", "C"));

        var names = await ListGroupNamesAsync(
            new GroupQuery { IsOrganization = false, SortField = "name", Descending = true });

        Assert.Equal(["south", "north", "east"], names);
    }

    [Fact]
    public async Task Lists_groups_sorted_by_package_count()
    {
        var busy = NewGroup("busy");
        var quiet = NewGroup("quiet");
        var empty = NewGroup("empty");
        await InsertGroupsAsync(busy, quiet, empty);
        var first = NewPackage("first-member");
        var second = NewPackage("second-member");
        await InsertPackagesAsync(first, second);
        await WriteAsync(async session =>
        {
            await session.ReplacePackageGroupsAsync(first.Id, [busy.Id, quiet.Id], Token);
            await session.ReplacePackageGroupsAsync(second.Id, [busy.Id], Token);
        });

        var names = await ListGroupNamesAsync(
            new GroupQuery { IsOrganization = false, SortField = "package_count", Descending = true });

        Assert.Equal(["busy", "quiet", "empty"], names);
    }

    [Fact]
    public async Task Lists_only_active_groups_of_requested_kind()
    {
        await InsertGroupsAsync(
            NewGroup("plain-group"),
            NewGroup("deleted-group") with { State = "deleted" },
            NewOrganization("an-organization"));

        var groups = await ListGroupNamesAsync(new GroupQuery { IsOrganization = false });
        var organizations = await ListGroupNamesAsync(new GroupQuery { IsOrganization = true });

        Assert.Equal(["plain-group"], groups);
        Assert.Equal(["an-organization"], organizations);
    }

    [Fact]
    public async Task Lists_groups_matching_text()
    {
        await InsertGroupsAsync(
            NewGroup("ocean-data", "Data"),
            NewGroup("by-title", "The Ocean"),
            NewGroup("by-description", "Other") with { Description = "Deep OCEAN floor" },
            NewGroup("land", "Land"));

        var names = await ListGroupNamesAsync(
            new GroupQuery { IsOrganization = false, Text = "ocean", SortField = "name" });

        Assert.Equal(["by-description", "by-title", "ocean-data"], names);
    }

    [Fact]
    public async Task Lists_groups_matching_text_with_underscore_literally()
    {
        await InsertGroupsAsync(NewGroup("snake_case"), NewGroup("snakexcase"));

        var names = await ListGroupNamesAsync(new GroupQuery { IsOrganization = false, Text = "e_c" });

        Assert.Equal(["snake_case"], names);
    }

    [Fact]
    public async Task Lists_groups_with_given_names_and_paging()
    {
        await InsertGroupsAsync(NewGroup("g-one"), NewGroup("g-two"), NewGroup("g-three"), NewGroup("g-four"));

        var names = await ListGroupNamesAsync(new GroupQuery
        {
            IsOrganization = false,
            Names = ["g-one", "g-two", "g-three"],
            SortField = "name",
            Offset = 1,
            Limit = 1,
        });

        Assert.Equal(["g-three"], names);
    }

    [Fact]
    public async Task Group_counts_only_active_public_datasets()
    {
        var organization = NewOrganization("counted-org");
        await InsertGroupsAsync(organization);
        await InsertPackagesAsync(
            NewPackage("org-public") with { OwnerOrg = organization.Id },
            NewPackage("org-private") with { OwnerOrg = organization.Id, Private = true },
            NewPackage("org-deleted") with { OwnerOrg = organization.Id, State = "deleted" },
            NewPackage("org-draft") with { OwnerOrg = organization.Id, State = "draft" });

        var counts = await ReadAsync(session =>
            session.CountGroupPackagesAsync([organization.Id], [], includeAllPrivate: false, Token));

        Assert.Equal(1, counts[organization.Id]);
    }

    [Fact]
    public async Task Group_counts_include_private_datasets_of_readable_organizations()
    {
        var readable = NewOrganization("readable-org");
        var hidden = NewOrganization("hidden-org");
        await InsertGroupsAsync(readable, hidden);
        await InsertPackagesAsync(
            NewPackage("readable-public") with { OwnerOrg = readable.Id },
            NewPackage("readable-private") with { OwnerOrg = readable.Id, Private = true },
            NewPackage("hidden-private") with { OwnerOrg = hidden.Id, Private = true });

        var counts = await ReadAsync(session =>
            session.CountGroupPackagesAsync([readable.Id, hidden.Id], [readable.Id], includeAllPrivate: false, Token));
        var all = await ReadAsync(session =>
            session.CountGroupPackagesAsync([readable.Id, hidden.Id], [], includeAllPrivate: true, Token));

        Assert.Equal(2, counts[readable.Id]);
        Assert.Equal(0, counts[hidden.Id]);
        Assert.Equal(2, all[readable.Id]);
        Assert.Equal(1, all[hidden.Id]);
    }

    [Fact]
    public async Task Group_counts_follow_active_package_memberships()
    {
        var group = NewGroup("membership-count");
        await InsertGroupsAsync(group);
        var stays = NewPackage("stays-in-group");
        var leaves = NewPackage("leaves-group");
        await InsertPackagesAsync(stays, leaves);
        await WriteAsync(async session =>
        {
            await session.ReplacePackageGroupsAsync(stays.Id, [group.Id], Token);
            await session.ReplacePackageGroupsAsync(leaves.Id, [group.Id], Token);
            await session.DeleteMemberAsync(group.Id, "package", leaves.Id, Token);
        });

        var counts = await ReadAsync(session =>
            session.CountGroupPackagesAsync([group.Id], [], includeAllPrivate: false, Token));

        Assert.Equal(1, counts[group.Id]);
    }

    [Fact]
    public async Task Group_counts_of_no_groups_are_empty()
    {
        var counts = await ReadAsync(session =>
            session.CountGroupPackagesAsync([], [], includeAllPrivate: true, Token));

        Assert.Empty(counts);
    }

    [Fact]
    public async Task Counts_organization_datasets_that_are_not_deleted()
    {
        var organization = NewOrganization("owning-org");
        await InsertGroupsAsync(organization);
        await InsertPackagesAsync(
            NewPackage("owned-public") with { OwnerOrg = organization.Id },
            NewPackage("owned-private") with { OwnerOrg = organization.Id, Private = true },
            NewPackage("owned-draft") with { OwnerOrg = organization.Id, State = "draft" },
            NewPackage("owned-deleted") with { OwnerOrg = organization.Id, State = "deleted" });

        var count = await ReadAsync(session => session.CountOrganizationDatasetsAsync(organization.Id, Token));

        Assert.Equal(3, count);
    }

    [Fact]
    public async Task Detaching_organization_clears_owner_of_its_datasets()
    {
        var organization = NewOrganization("detached-org");
        var other = NewOrganization("other-org");
        await InsertGroupsAsync(organization, other);
        var owned = NewPackage("was-owned") with { OwnerOrg = organization.Id };
        var otherOwned = NewPackage("still-owned") with { OwnerOrg = other.Id };
        await InsertPackagesAsync(owned, otherOwned);

        await WriteAsync(session => session.DetachOrganizationDatasetsAsync(organization.Id, Token));

        Assert.Null((await ReadAsync(session => session.GetPackageAsync(owned.Id, Token)))?.OwnerOrg);
        Assert.Equal(other.Id, (await ReadAsync(session => session.GetPackageAsync(otherOwned.Id, Token)))?.OwnerOrg);
    }

    [Fact]
    public async Task Purge_group_removes_extras_memberships_and_ownership()
    {
        var organization = NewOrganization("purged-org");
        var parent = NewGroup("parent-group");
        var user = NewUser("purged-org-admin");
        var package = NewPackage("orphaned") with { OwnerOrg = organization.Id };
        await InsertGroupsAsync(organization, parent);
        await InsertUsersAsync(user);
        await InsertPackagesAsync(package);
        await WriteAsync(async session =>
        {
            await session.ReplaceGroupExtrasAsync(organization.Id, [new("colour", "blue")], Token);
            await session.UpsertMemberAsync(NewMember(organization, "user", user.Id, "admin"), Token);
            await session.UpsertMemberAsync(NewMember(organization, "package", package.Id, "organization"), Token);
            await session.UpsertMemberAsync(NewMember(parent, "group", organization.Id, "parent"), Token);
        });

        await WriteAsync(session => session.PurgeGroupAsync(organization.Id, Token));

        Assert.Null(await ReadAsync(session => session.GetGroupAsync(organization.Id, Token)));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM group_extra"));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM member"));
        Assert.Null((await ReadAsync(session => session.GetPackageAsync(package.Id, Token)))?.OwnerOrg);
        Assert.NotNull(await ReadAsync(session => session.GetGroupAsync(parent.Id, Token)));
    }

    [Fact]
    public async Task Upserting_new_member_inserts_it()
    {
        var group = NewGroup("joined-group");
        var user = NewUser("joiner");
        await InsertGroupsAsync(group);
        await InsertUsersAsync(user);
        var member = NewMember(group, "user", user.Id, "member");

        await WriteAsync(session => session.UpsertMemberAsync(member, Token));

        Assert.Equal(member, await ReadAsync(session => session.GetMemberAsync(group.Id, "user", user.Id, Token)));
    }

    [Fact]
    public async Task Upserting_known_member_changes_capacity_and_state()
    {
        var group = NewGroup("promoting-group");
        var user = NewUser("promoted");
        await InsertGroupsAsync(group);
        await InsertUsersAsync(user);
        var member = NewMember(group, "user", user.Id, "member") with { State = "deleted" };
        await WriteAsync(session => session.UpsertMemberAsync(member, Token));
        var promoted = member with { Capacity = "admin", State = "active" };

        await WriteAsync(session => session.UpsertMemberAsync(promoted, Token));

        Assert.Equal(promoted, await ReadAsync(session => session.GetMemberAsync(group.Id, "user", user.Id, Token)));
        Assert.Equal(1, await CountRowsAsync("SELECT count(*) FROM member"));
    }

    [Fact]
    public async Task Get_member_prefers_active_row()
    {
        var group = NewGroup("rejoined-group");
        var user = NewUser("rejoiner");
        await InsertGroupsAsync(group);
        await InsertUsersAsync(user);
        var active = NewMember(group, "user", user.Id, "editor");
        await WriteAsync(async session =>
        {
            await session.UpsertMemberAsync(
                NewMember(group, "user", user.Id, "member") with { State = "deleted" }, Token);
            await session.UpsertMemberAsync(active, Token);
        });

        var found = await ReadAsync(session => session.GetMemberAsync(group.Id, "user", user.Id, Token));

        Assert.Equal(active, found);
    }

    [Fact]
    public async Task Get_member_falls_back_to_deleted()
    {
        var group = NewGroup("left-group");
        var user = NewUser("leaver");
        await InsertGroupsAsync(group);
        await InsertUsersAsync(user);
        await WriteAsync(session => session.UpsertMemberAsync(NewMember(group, "user", user.Id, "member"), Token));
        await WriteAsync(session => session.DeleteMemberAsync(group.Id, "user", user.Id, Token));

        var found = await ReadAsync(session => session.GetMemberAsync(group.Id, "user", user.Id, Token));

        Assert.Equal("deleted", found?.State);
    }

    [Fact]
    public async Task Delete_member_reports_whether_active_row_existed()
    {
        var group = NewGroup("deleting-group");
        var user = NewUser("deleted-member");
        await InsertGroupsAsync(group);
        await InsertUsersAsync(user);
        await WriteAsync(session => session.UpsertMemberAsync(NewMember(group, "user", user.Id, "member"), Token));

        var first = false;
        var second = true;
        await WriteAsync(async session =>
        {
            first = await session.DeleteMemberAsync(group.Id, "user", user.Id, Token);
            second = await session.DeleteMemberAsync(group.Id, "user", user.Id, Token);
        });

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task Lists_members_by_table_and_capacity()
    {
        var group = NewGroup("listed-group");
        var admin = NewUser("listed-admin");
        var editor = NewUser("listed-editor");
        var secondAdmin = NewUser("second-admin");
        var formerAdmin = NewUser("former-admin");
        var package = NewPackage("listed-dataset");
        await InsertGroupsAsync(group);
        await InsertUsersAsync(admin, editor, secondAdmin, formerAdmin);
        await InsertPackagesAsync(package);
        await WriteAsync(async session =>
        {
            await session.UpsertMemberAsync(NewMember(group, "user", admin.Id, "admin"), Token);
            await session.UpsertMemberAsync(NewMember(group, "package", package.Id, "public"), Token);
            await session.UpsertMemberAsync(NewMember(group, "user", editor.Id, "editor"), Token);
            await session.UpsertMemberAsync(NewMember(group, "user", secondAdmin.Id, "admin"), Token);
            await session.UpsertMemberAsync(
                NewMember(group, "user", formerAdmin.Id, "admin") with { State = "deleted" }, Token);
        });

        var all = await ReadAsync(session => session.ListMembersAsync(group.Id, null, null, Token));
        var users = await ReadAsync(session => session.ListMembersAsync(group.Id, "user", null, Token));
        var admins = await ReadAsync(session => session.ListMembersAsync(group.Id, "user", "admin", Token));

        Assert.Equal(4, all.Count);
        Assert.Equal([admin.Id, editor.Id, secondAdmin.Id], users.Select(member => member.TableId));
        Assert.Equal([admin.Id, secondAdmin.Id], admins.Select(member => member.TableId));
    }

    [Fact]
    public async Task Deleting_memberships_of_object_covers_every_group()
    {
        var first = NewGroup("first-membership");
        var second = NewOrganization("second-membership");
        var user = NewUser("everywhere");
        var bystander = NewUser("bystander");
        await InsertGroupsAsync(first, second);
        await InsertUsersAsync(user, bystander);
        await WriteAsync(async session =>
        {
            await session.UpsertMemberAsync(NewMember(first, "user", user.Id, "member"), Token);
            await session.UpsertMemberAsync(NewMember(second, "user", user.Id, "editor"), Token);
            await session.UpsertMemberAsync(NewMember(first, "user", bystander.Id, "member"), Token);
        });

        await WriteAsync(session => session.DeleteMembershipsOfAsync("user", user.Id, Token));

        Assert.Empty(await ReadAsync(session => session.ListMembershipsAsync(user.Id, Token)));
        Assert.Single(await ReadAsync(session => session.ListMembershipsAsync(bystander.Id, Token)));
    }

    [Fact]
    public async Task Lists_user_memberships_in_active_groups()
    {
        var group = NewGroup("member-group");
        var organization = NewOrganization("member-org");
        var deletedOrganization = NewOrganization("deleted-org") with { State = "deleted" };
        var leftGroup = NewGroup("left-membership");
        var user = NewUser("many-memberships");
        var package = NewPackage("not-a-user");
        await InsertGroupsAsync(group, organization, deletedOrganization, leftGroup);
        await InsertUsersAsync(user);
        await InsertPackagesAsync(package);
        await WriteAsync(async session =>
        {
            await session.UpsertMemberAsync(NewMember(group, "user", user.Id, "member"), Token);
            await session.UpsertMemberAsync(NewMember(organization, "user", user.Id, "editor"), Token);
            await session.UpsertMemberAsync(NewMember(deletedOrganization, "user", user.Id, "admin"), Token);
            await session.UpsertMemberAsync(
                NewMember(leftGroup, "user", user.Id, "admin") with { State = "deleted" }, Token);
            await session.UpsertMemberAsync(NewMember(organization, "package", package.Id, "organization"), Token);
        });

        var memberships = await ReadAsync(session => session.ListMembershipsAsync(user.Id, Token));

        Assert.Equal(2, memberships.Count);
        Assert.Contains(
            new Membership { GroupId = group.Id, Capacity = "member", IsOrganization = false }, memberships);
        Assert.Contains(
            new Membership { GroupId = organization.Id, Capacity = "editor", IsOrganization = true }, memberships);
    }

    private async Task<IReadOnlyList<string>> ListGroupNamesAsync(GroupQuery query)
    {
        var groups = await ReadAsync(session => session.ListGroupsAsync(query, Token));
        return groups.Select(group => group.Name).ToList();
    }
}
