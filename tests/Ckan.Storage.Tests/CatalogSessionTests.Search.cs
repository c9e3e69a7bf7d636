using Ckan.Core.Catalog;

namespace Ckan.Storage.Tests;

public abstract partial class CatalogSessionTests
{
    [Fact]
    public async Task Search_finds_active_public_datasets_by_default()
    {
        await InsertPackagesAsync(
            NewPackage("public-active"),
            NewPackage("public-draft") with { State = "draft" },
            NewPackage("public-deleted") with { State = "deleted" },
            NewPackage("private-active") with { Private = true });

        var names = await SearchNamesAsync(new PackageQuery());

        Assert.Equal(["public-active"], names);
    }

    [Fact]
    public async Task Search_includes_requested_states()
    {
        await InsertPackagesAsync(
            NewPackage("state-active"),
            NewPackage("state-draft") with { State = "draft" },
            NewPackage("state-deleted") with { State = "deleted" });

        var names = await SearchNamesAsync(new PackageQuery { States = ["active", "draft"] });

        Assert.Equal(["state-active", "state-draft"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_filters_by_organization_names()
    {
        var water = NewOrganization("water-board");
        var roads = NewOrganization("roads-agency");
        var parks = NewOrganization("parks-office");
        await InsertGroupsAsync(water, roads, parks);
        await InsertPackagesAsync(
            NewPackage("water-levels") with { OwnerOrg = water.Id },
            NewPackage("road-works") with { OwnerOrg = roads.Id },
            NewPackage("park-trees") with { OwnerOrg = parks.Id },
            NewPackage("no-owner"));

        var names = await SearchNamesAsync(new PackageQuery { OrganizationNames = ["water-board", "roads-agency"] });

        Assert.Equal(["road-works", "water-levels"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_organization_filter_ignores_groups_of_that_name()
    {
        var group = NewGroup("lookalike");
        await InsertGroupsAsync(group);
        var package = NewPackage("grouped-not-owned");
        await InsertPackagesAsync(package);
        await WriteAsync(session => session.ReplacePackageGroupsAsync(package.Id, [group.Id], Token));

        var names = await SearchNamesAsync(new PackageQuery { OrganizationNames = ["lookalike"] });

        Assert.Empty(names);
    }

    [Fact]
    public async Task Search_excludes_organization_names_and_keeps_unowned()
    {
        var excluded = NewOrganization("excluded-org");
        var kept = NewOrganization("kept-org");
        await InsertGroupsAsync(excluded, kept);
        await InsertPackagesAsync(
            NewPackage("excluded-data") with { OwnerOrg = excluded.Id },
            NewPackage("kept-data") with { OwnerOrg = kept.Id },
            NewPackage("unowned-data"));

        var names = await SearchNamesAsync(new PackageQuery { ExcludedOrganizationNames = ["excluded-org"] });

        Assert.Equal(["kept-data", "unowned-data"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_filters_by_group_names_through_active_members()
    {
        var health = NewGroup("health");
        var transport = NewGroup("transport");
        await InsertGroupsAsync(health, transport);
        var inHealth = NewPackage("hospital-beds");
        var leftHealth = NewPackage("old-clinics");
        var inTransport = NewPackage("bus-stops");
        await InsertPackagesAsync(inHealth, leftHealth, inTransport);
        await WriteAsync(async session =>
        {
            await session.ReplacePackageGroupsAsync(inHealth.Id, [health.Id], Token);
            await session.ReplacePackageGroupsAsync(leftHealth.Id, [health.Id], Token);
            await session.ReplacePackageGroupsAsync(inTransport.Id, [transport.Id], Token);
            await session.DeleteMemberAsync(health.Id, "package", leftHealth.Id, Token);
        });

        var names = await SearchNamesAsync(new PackageQuery { GroupNames = ["health"] });

        Assert.Equal(["hospital-beds"], names);
    }

    [Fact]
    public async Task Search_filters_by_any_of_the_tags()
    {
        var rain = NewPackage("rain-data");
        var snow = NewPackage("snow-data");
        var sun = NewPackage("sun-data");
        await InsertPackagesAsync(rain, snow, sun);
        await WriteAsync(async session =>
        {
            await session.ReplacePackageTagsAsync(rain.Id, [new("rain", null), new("weather", null)], Token);
            await session.ReplacePackageTagsAsync(snow.Id, [new("snow", null)], Token);
            await session.ReplacePackageTagsAsync(sun.Id, [new("sun", null)], Token);
        });

        var names = await SearchNamesAsync(new PackageQuery { Tags = ["rain", "snow"] });

        Assert.Equal(["rain-data", "snow-data"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_excludes_tags()
    {
        var tagged = NewPackage("draft-tagged");
        var untagged = NewPackage("untagged");
        await InsertPackagesAsync(tagged, untagged);
        await WriteAsync(session => session.ReplacePackageTagsAsync(tagged.Id, [new("obsolete", null)], Token));

        var names = await SearchNamesAsync(new PackageQuery { ExcludedTags = ["obsolete"] });

        Assert.Equal(["untagged"], names);
    }

    [Fact]
    public async Task Search_filters_by_names_and_ids()
    {
        var alpha = NewPackage("alpha");
        var bravo = NewPackage("bravo");
        var charlie = NewPackage("charlie");
        await InsertPackagesAsync(alpha, bravo, charlie);

        var byName = await SearchNamesAsync(new PackageQuery { Names = ["alpha", "charlie", "missing"] });
        var byId = await SearchNamesAsync(new PackageQuery { Ids = [bravo.Id] });

        Assert.Equal(["alpha", "charlie"], byName.Order(StringComparer.Ordinal));
        Assert.Equal(["bravo"], byId);
    }

    [Fact]
    public async Task Search_combines_filters_with_and()
    {
        var organization = NewOrganization("combined-org");
        await InsertGroupsAsync(organization);
        var owned = NewPackage("owned-tagged") with { OwnerOrg = organization.Id };
        var ownedUntagged = NewPackage("owned-untagged") with { OwnerOrg = organization.Id };
        var unowned = NewPackage("unowned-tagged");
        await InsertPackagesAsync(owned, ownedUntagged, unowned);
        await WriteAsync(async session =>
        {
            await session.ReplacePackageTagsAsync(owned.Id, [new("budget", null)], Token);
            await session.ReplacePackageTagsAsync(unowned.Id, [new("budget", null)], Token);
        });

        var names = await SearchNamesAsync(
            new PackageQuery { OrganizationNames = ["combined-org"], Tags = ["budget"] });

        Assert.Equal(["owned-tagged"], names);
    }

    [Fact]
    public async Task Search_words_match_text_fields()
    {
        var byName = NewPackage("rainfall-daily") with { Title = "Daily" };
        var byTitle = NewPackage("monthly") with { Title = "Monthly RAINFALL" };
        var byNotes = NewPackage("yearly") with { Title = "Yearly", Notes = "Totals of rainfall per year" };
        var byTag = NewPackage("weekly") with { Title = "Weekly" };
        var unrelated = NewPackage("temperature") with { Title = "Temperature", Notes = "Degrees" };
        await InsertPackagesAsync(byName, byTitle, byNotes, byTag, unrelated);
        await WriteAsync(session => session.ReplacePackageTagsAsync(byTag.Id, [new("Rainfall", null)], Token));

        var names = await SearchNamesAsync(new PackageQuery { Words = ["rainfall"] });

        Assert.Equal(["monthly", "rainfall-daily", "weekly", "yearly"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_requires_every_word()
    {
        await InsertPackagesAsync(
            NewPackage("both") with { Title = "River water quality" },
            NewPackage("only-river") with { Title = "River levels" },
            NewPackage("only-quality") with { Title = "Air quality" });

        var names = await SearchNamesAsync(new PackageQuery { Words = ["river", "quality"] });

        Assert.Equal(["both"], names);
    }

    [Fact]
    public async Task Search_matches_percent_sign_literally()
    {
        await InsertPackagesAsync(
            NewPackage("with-percent") with { Title = "Coverage 100% of roads" },
            NewPackage("without-percent") with { Title = "Coverage 1000 roads" });

        var names = await SearchNamesAsync(new PackageQuery { Words = ["100%"] });

        Assert.Equal(["with-percent"], names);
    }

    [Fact]
    public async Task Search_matches_underscore_literally()
    {
        await InsertPackagesAsync(NewPackage("air_quality"), NewPackage("airxquality"));

        var names = await SearchNamesAsync(new PackageQuery { Words = ["r_q"] });

        Assert.Equal(["air_quality"], names);
    }

    [Fact]
    public async Task Search_matches_backslash_literally()
    {
        await InsertPackagesAsync(
            NewPackage("windows-path") with { Title = @"Share C:\data\roads" },
            NewPackage("unix-path") with { Title = "Share /data/roads" });

        var names = await SearchNamesAsync(new PackageQuery { Words = [@"\data"] });

        Assert.Equal(["windows-path"], names);
    }

    [Fact]
    public async Task Search_words_fold_case_of_non_ascii_letters()
    {
        await InsertPackagesAsync(NewPackage("flood-maps") with { Title = "Überschwemmungsgebiete" });

        var names = await SearchNamesAsync(new PackageQuery { Words = ["überschwemmung"] });

        Assert.Equal(["flood-maps"], names);
    }

    [Fact]
    public async Task Search_leaves_out_private_datasets_unless_requested()
    {
        var organization = NewOrganization("secretive-org");
        await InsertGroupsAsync(organization);
        await InsertPackagesAsync(
            NewPackage("open-data") with { OwnerOrg = organization.Id },
            NewPackage("closed-data") with { OwnerOrg = organization.Id, Private = true });

        var names = await SearchNamesAsync(
            new PackageQuery { IncludePrivate = false, ReadableOrganizationIds = [organization.Id] });

        Assert.Equal(["open-data"], names);
    }

    [Fact]
    public async Task Search_includes_readable_private_datasets()
    {
        var member = NewOrganization("member-org");
        var stranger = NewOrganization("stranger-org");
        await InsertGroupsAsync(member, stranger);
        await InsertPackagesAsync(
            NewPackage("public-data") with { OwnerOrg = stranger.Id },
            NewPackage("readable-private") with { OwnerOrg = member.Id, Private = true },
            NewPackage("unreadable-private") with { OwnerOrg = stranger.Id, Private = true });

        var names = await SearchNamesAsync(
            new PackageQuery { IncludePrivate = true, ReadableOrganizationIds = [member.Id] });

        Assert.Equal(["public-data", "readable-private"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_includes_every_private_dataset_for_all_private()
    {
        var organization = NewOrganization("any-org");
        await InsertGroupsAsync(organization);
        await InsertPackagesAsync(
            NewPackage("public-data"),
            NewPackage("private-data") with { OwnerOrg = organization.Id, Private = true });

        var names = await SearchNamesAsync(new PackageQuery { IncludePrivate = true, IncludeAllPrivate = true });

        Assert.Equal(["private-data", "public-data"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_sorts_newest_modified_first()
    {
        await InsertPackagesAsync(
            NewPackage("older", modifiedMinute: 1),
            NewPackage("newest", modifiedMinute: 3),
            NewPackage("middle", modifiedMinute: 2));

        var names = await SearchNamesAsync(new PackageQuery());

        Assert.Equal(["newest", "middle", "older"], names);
    }

    [Fact]
    public async Task Search_sorts_by_name_in_both_directions()
    {
        await InsertPackagesAsync(NewPackage("bravo"), NewPackage("alpha"), NewPackage("charlie"));

        var ascending = await SearchNamesAsync(new PackageQuery { Sort = [("name", false)] });
        var descending = await SearchNamesAsync(new PackageQuery { Sort = [("name", true)] });

        Assert.Equal(["alpha", "bravo", "charlie"], ascending);
        Assert.Equal(["charlie", "bravo", "alpha"], descending);
    }

    [Fact]
    public async Task Search_sorts_by_title_ignoring_case()
    {
        await InsertPackagesAsync(
            NewPackage("first") with { Title = "banana" },
            NewPackage("second") with { Title = "Apple" },
            NewPackage("cherry") with { Title = null });

        var names = await SearchNamesAsync(new PackageQuery { Sort = [("title_string", false)] });

        Assert.Equal(["second", "first", "cherry"], names);
    }

    [Fact]
    public async Task Search_sorts_by_metadata_created()
    {
        await InsertPackagesAsync(
            NewPackage("created-late") with { MetadataCreated = Timestamp(9), MetadataModified = Timestamp(1) },
            NewPackage("created-early") with { MetadataCreated = Timestamp(1), MetadataModified = Timestamp(9) });

        var names = await SearchNamesAsync(new PackageQuery { Sort = [("metadata_created", false)] });

        Assert.Equal(["created-early", "created-late"], names);
    }

    [Fact]
    public async Task Search_breaks_sort_ties_by_name()
    {
        await InsertPackagesAsync(
            NewPackage("tie-c", modifiedMinute: 5),
            NewPackage("tie-a", modifiedMinute: 5),
            NewPackage("tie-b", modifiedMinute: 5));

        var names = await SearchNamesAsync(new PackageQuery());

        Assert.Equal(["tie-a", "tie-b", "tie-c"], names);
    }

    [Fact]
    public async Task Search_applies_secondary_sort_field()
    {
        await InsertPackagesAsync(
            NewPackage("same-title-old", modifiedMinute: 1) with { Title = "Same" },
            NewPackage("same-title-new", modifiedMinute: 2) with { Title = "Same" },
            NewPackage("other-title", modifiedMinute: 3) with { Title = "Other" });

        var names = await SearchNamesAsync(
            new PackageQuery { Sort = [("title", false), ("metadata_modified", true)] });

        Assert.Equal(["other-title", "same-title-new", "same-title-old"], names);
    }

    [Fact]
    public async Task Search_pages_results_and_counts_all_matches()
    {
        await InsertPackagesAsync(
            NewPackage("page-a"),
            NewPackage("page-b"),
            NewPackage("page-c"),
            NewPackage("page-d"),
            NewPackage("page-e"));

        var page = await ReadAsync(session => session.SearchPackagesAsync(
            new PackageQuery { Sort = [("name", false)], Offset = 2, Limit = 2 }, Token));

        Assert.Equal(5, page.Count);
        Assert.Equal(await IdsOfAsync("page-c", "page-d"), page.Ids);
    }

    [Fact]
    public async Task Search_with_zero_limit_only_counts()
    {
        await InsertPackagesAsync(NewPackage("counted-a"), NewPackage("counted-b"));

        var page = await ReadAsync(session => session.SearchPackagesAsync(new PackageQuery { Limit = 0 }, Token));

        Assert.Equal(2, page.Count);
        Assert.Empty(page.Ids);
    }

    [Fact]
    public async Task Search_past_last_page_returns_count_without_ids()
    {
        await InsertPackagesAsync(NewPackage("only-one"));

        var page = await ReadAsync(session => session.SearchPackagesAsync(new PackageQuery { Offset = 10 }, Token));

        Assert.Equal(1, page.Count);
        Assert.Empty(page.Ids);
    }

    private async Task<IReadOnlyList<string>> SearchNamesAsync(PackageQuery query)
    {
        var page = await ReadAsync(session => session.SearchPackagesAsync(query with { Limit = 100 }, Token));
        var graphs = await ReadAsync(session => session.GetPackageGraphsAsync(page.Ids, Token));
        return graphs.Select(graph => graph.Package.Name).ToList();
    }

    private async Task<IReadOnlyList<string>> IdsOfAsync(params string[] names)
    {
        var ids = new List<string>();
        foreach (var name in names)
        {
            var package = await ReadAsync(session => session.GetPackageAsync(name, Token));
            ids.Add(package?.Id ?? throw new InvalidOperationException($"Dataset {name} was not inserted."));
        }

        return ids;
    }
}
