using Ckan.Core.Model;

namespace Ckan.Storage.Tests;

public abstract partial class CatalogSessionTests
{
    [Fact]
    public async Task Inserted_package_reads_back_every_column()
    {
        var organization = NewOrganization("column-org");
        await InsertGroupsAsync(organization);
        var package = new PackageRow
        {
            Id = NewId(),
            Name = "every-column",
            Title = "Every column",
            Version = "1.0",
            Url = "http://example.org/source",
            Author = "Ada",
            AuthorEmail = "ada@example.org",
            Maintainer = "Grace",
            MaintainerEmail = "grace@example.org",
            Notes = "Some notes",
            LicenseId = "cc-by",
            Type = "dataset",
            OwnerOrg = organization.Id,
            CreatorUserId = NewId(),
            MetadataCreated = Timestamp(1),
            MetadataModified = Timestamp(2),
            Private = true,
            State = "draft",
            PluginData = """{"scheming": {"x": 1}}""",
        };

        await InsertPackagesAsync(package);

        var stored = await ReadAsync(session => session.GetPackageAsync(package.Id, Token));
        Assert.Equal(package, stored);
    }

    [Fact]
    public async Task Gets_package_by_id_and_by_name()
    {
        var package = NewPackage("lookup-dataset");
        await InsertPackagesAsync(package);

        var byId = await ReadAsync(session => session.GetPackageAsync(package.Id, Token));
        var byName = await ReadAsync(session => session.GetPackageAsync("lookup-dataset", Token));

        Assert.Equal(package.Id, byId?.Id);
        Assert.Equal(package.Id, byName?.Id);
    }

    [Fact]
    public async Task Get_package_matches_id_before_name()
    {
        var target = NewPackage("target-dataset");
        var impostor = NewPackage(target.Id);
        await InsertPackagesAsync(impostor, target);

        var found = await ReadAsync(session => session.GetPackageAsync(target.Id, Token));

        Assert.Equal("target-dataset", found?.Name);
    }

    [Fact]
    public async Task Get_package_returns_null_when_unknown()
    {
        var found = await ReadAsync(session => session.GetPackageAsync("no-such-dataset", Token));

        Assert.Null(found);
    }

    [Fact]
    public async Task Find_package_by_name_includes_deleted()
    {
        var package = NewPackage("deleted-name") with { State = "deleted" };
        await InsertPackagesAsync(package);

        var found = await ReadAsync(session => session.FindPackageByNameAsync("deleted-name", Token));

        Assert.Equal(package.Id, found?.Id);
    }

    [Fact]
    public async Task Find_package_by_name_ignores_ids()
    {
        var package = NewPackage("named-dataset");
        await InsertPackagesAsync(package);

        var found = await ReadAsync(session => session.FindPackageByNameAsync(package.Id, Token));

        Assert.Null(found);
    }

    [Fact]
    public async Task Updated_package_is_found_by_new_name_only()
    {
        var package = NewPackage("old-name");
        await InsertPackagesAsync(package);
        var renamed = package with { Name = "new-name", Title = "New title", Private = false, State = "deleted" };

        await WriteAsync(session => session.UpdatePackageAsync(renamed, Token));

        var byNewName = await ReadAsync(session => session.GetPackageAsync("new-name", Token));
        var byOldName = await ReadAsync(session => session.GetPackageAsync("old-name", Token));
        Assert.Equal(renamed, byNewName);
        Assert.Null(byOldName);
    }

    [Fact]
    public async Task Graph_lists_active_resources_in_position_order()
    {
        var package = NewPackage("ordered-resources");
        await InsertPackagesAsync(package);
        var second = NewResource(package.Id, 1);
        var third = NewResource(package.Id, 2);
        var first = NewResource(package.Id, 0);
        var deleted = NewResource(package.Id, 3) with { State = "deleted" };
        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [second, third, deleted, first], Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Name, Token));

        Assert.NotNull(graph);
        Assert.Equal([first.Id, second.Id, third.Id], graph.Resources.Select(resource => resource.Id));
    }

    [Fact]
    public async Task Graph_reads_back_every_resource_column()
    {
        var package = NewPackage("resource-columns");
        await InsertPackagesAsync(package);
        var resource = new ResourceRow
        {
            Id = NewId(),
            PackageId = package.Id,
            Url = "data.csv",
            Format = "CSV",
            Description = "All rows",
            Hash = "sha256:abc",
            Position = 0,
            Name = "Data",
            ResourceType = "file.upload",
            Mimetype = "text/csv",
            MimetypeInner = "text/plain",
            Size = 5_000_000_000,
            Created = Timestamp(1),
            LastModified = Timestamp(2),
            MetadataModified = Timestamp(3),
            CacheUrl = "http://cache.example.org/data.csv",
            CacheLastUpdated = Timestamp(4),
            UrlType = "upload",
            Extras = """{"datastore_active": true}""",
        };
        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [resource], Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));

        Assert.NotNull(graph);
        Assert.Equal(resource, Assert.Single(graph.Resources));
    }

    [Fact]
    public async Task Graph_sorts_extras_by_key()
    {
        var package = NewPackage("sorted-extras");
        await InsertPackagesAsync(package);
        ExtraRow[] extras = [new("zeta", "last"), new("alpha", "first"), new("mid", null)];

        await WriteAsync(session => session.ReplacePackageExtrasAsync(package.Id, extras, Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));
        Assert.NotNull(graph);
        Assert.Equal([new("alpha", "first"), new("mid", null), new ExtraRow("zeta", "last")], graph.Extras);
    }

    [Fact]
    public async Task Replacing_extras_drops_previous_ones()
    {
        var package = NewPackage("replaced-extras");
        await InsertPackagesAsync(package);
        await WriteAsync(session => session.ReplacePackageExtrasAsync(package.Id, [new("old", "1")], Token));

        await WriteAsync(session => session.ReplacePackageExtrasAsync(package.Id, [new("new", "2")], Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));
        Assert.NotNull(graph);
        Assert.Equal([new ExtraRow("new", "2")], graph.Extras);
    }

    [Fact]
    public async Task Graph_sorts_tags_by_name()
    {
        var package = NewPackage("sorted-tags");
        await InsertPackagesAsync(package);
        TagReference[] tags = [new("water", null), new("air", null), new("soil", null)];

        await WriteAsync(session => session.ReplacePackageTagsAsync(package.Id, tags, Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));
        Assert.NotNull(graph);
        Assert.Equal(["air", "soil", "water"], graph.Tags.Select(tag => tag.Name));
    }

    [Fact]
    public async Task Graph_lists_groups_of_active_memberships()
    {
        var package = NewPackage("grouped-dataset");
        var climate = NewGroup("climate");
        var biology = NewGroup("biology");
        var deletedGroup = NewGroup("gone") with { State = "deleted" };
        var leftGroup = NewGroup("left");
        await InsertPackagesAsync(package);
        await InsertGroupsAsync(climate, biology, deletedGroup, leftGroup);
        await WriteAsync(async session =>
        {
            await session.ReplacePackageGroupsAsync(
                package.Id, [climate.Id, biology.Id, deletedGroup.Id, leftGroup.Id], Token);
            await session.DeleteMemberAsync(leftGroup.Id, "package", package.Id, Token);
        });

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));

        Assert.NotNull(graph);
        Assert.Equal(["biology", "climate"], graph.Groups.Select(group => group.Name));
    }

    [Fact]
    public async Task Graph_leaves_organization_out_of_groups()
    {
        var organization = NewOrganization("owner-org");
        var package = NewPackage("owned-dataset") with { OwnerOrg = organization.Id };
        await InsertGroupsAsync(organization);
        await InsertPackagesAsync(package);
        await WriteAsync(session => session.UpsertMemberAsync(
            NewMember(organization, "package", package.Id, "organization"), Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));

        Assert.NotNull(graph);
        Assert.Empty(graph.Groups);
        Assert.Equal(organization, graph.Organization);
    }

    [Fact]
    public async Task Graph_has_no_organization_without_owner()
    {
        var package = NewPackage("unowned-dataset");
        await InsertPackagesAsync(package);

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));

        Assert.NotNull(graph);
        Assert.Null(graph.Organization);
        Assert.Empty(graph.Resources);
        Assert.Empty(graph.Extras);
        Assert.Empty(graph.Tags);
    }

    [Fact]
    public async Task Graphs_follow_requested_order_and_skip_unknown_ids()
    {
        var first = NewPackage("first-graph");
        var second = NewPackage("second-graph");
        await InsertPackagesAsync(first, second);

        var graphs = await ReadAsync(session =>
            session.GetPackageGraphsAsync([second.Id, NewId(), first.Id], Token));

        Assert.Equal([second.Id, first.Id], graphs.Select(graph => graph.Package.Id));
    }

    [Fact]
    public async Task Graphs_of_several_datasets_keep_their_own_rows()
    {
        var organization = NewOrganization("shared-owner");
        var group = NewGroup("shared-group");
        var first = NewPackage("first-of-batch") with { OwnerOrg = organization.Id };
        var second = NewPackage("second-of-batch");
        await InsertGroupsAsync(organization, group);
        await InsertPackagesAsync(first, second);
        await WriteAsync(async session =>
        {
            await session.SaveResourcesAsync(first.Id, [NewResource(first.Id, 1), NewResource(first.Id, 0)], Token);
            await session.SaveResourcesAsync(second.Id, [NewResource(second.Id, 0)], Token);
            await session.ReplacePackageExtrasAsync(first.Id, [new("only", "first")], Token);
            await session.ReplacePackageExtrasAsync(second.Id, [new("zeta", "2"), new("alpha", "1")], Token);
            await session.ReplacePackageTagsAsync(first.Id, [new("rain", null)], Token);
            await session.ReplacePackageTagsAsync(second.Id, [new("snow", null), new("hail", null)], Token);
            await session.ReplacePackageGroupsAsync(second.Id, [group.Id], Token);
        });

        var graphs = await ReadAsync(session => session.GetPackageGraphsAsync([second.Id, first.Id], Token));

        Assert.Equal([second.Id, first.Id], graphs.Select(graph => graph.Package.Id));
        var (secondGraph, firstGraph) = (graphs[0], graphs[1]);
        Assert.Equal([0, 1], firstGraph.Resources.Select(resource => resource.Position));
        Assert.All(firstGraph.Resources, resource => Assert.Equal(first.Id, resource.PackageId));
        Assert.Equal(second.Id, Assert.Single(secondGraph.Resources).PackageId);
        Assert.Equal([new ExtraRow("only", "first")], firstGraph.Extras);
        Assert.Equal([new ExtraRow("alpha", "1"), new ExtraRow("zeta", "2")], secondGraph.Extras);
        Assert.Equal(["rain"], firstGraph.Tags.Select(tag => tag.Name));
        Assert.Equal(["hail", "snow"], secondGraph.Tags.Select(tag => tag.Name));
        Assert.Empty(firstGraph.Groups);
        Assert.Equal(group, Assert.Single(secondGraph.Groups));
        Assert.Equal(organization, firstGraph.Organization);
        Assert.Null(secondGraph.Organization);
    }

    [Fact]
    public async Task Replacing_groups_keeps_organization_membership()
    {
        var organization = NewOrganization("kept-org");
        var oldGroup = NewGroup("old-group");
        var newGroup = NewGroup("new-group");
        var package = NewPackage("regrouped") with { OwnerOrg = organization.Id };
        await InsertGroupsAsync(organization, oldGroup, newGroup);
        await InsertPackagesAsync(package);
        await WriteAsync(async session =>
        {
            await session.UpsertMemberAsync(NewMember(organization, "package", package.Id, "organization"), Token);
            await session.ReplacePackageGroupsAsync(package.Id, [oldGroup.Id], Token);
        });

        await WriteAsync(session => session.ReplacePackageGroupsAsync(package.Id, [newGroup.Id, newGroup.Id], Token));

        var organizationMember = await ReadAsync(session =>
            session.GetMemberAsync(organization.Id, "package", package.Id, Token));
        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));
        Assert.Equal("active", organizationMember?.State);
        Assert.NotNull(graph);
        Assert.Equal(["new-group"], graph.Groups.Select(group => group.Name));
    }

    [Fact]
    public async Task Save_resources_inserts_and_updates_given_rows()
    {
        var package = NewPackage("saved-resources");
        await InsertPackagesAsync(package);
        var resource = NewResource(package.Id, 0, "http://example.org/v1.csv");
        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [resource], Token));
        var changed = resource with { Url = "http://example.org/v2.csv", Format = "CSV", Position = 0 };

        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [changed], Token));

        var stored = await ReadAsync(session => session.GetResourceAsync(resource.Id, Token));
        Assert.Equal(changed, stored);
        Assert.Equal(1, await CountRowsAsync("SELECT count(*) FROM resource"));
    }

    [Fact]
    public async Task Save_resources_marks_left_out_active_rows_deleted()
    {
        var package = NewPackage("shrinking-resources");
        await InsertPackagesAsync(package);
        var kept = NewResource(package.Id, 0);
        var dropped = NewResource(package.Id, 1);
        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [kept, dropped], Token));

        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [kept], Token));

        var stored = await ReadAsync(session => session.GetResourceAsync(dropped.Id, Token));
        Assert.Equal("deleted", stored?.State);
        Assert.Equal("active", (await ReadAsync(session => session.GetResourceAsync(kept.Id, Token)))?.State);
    }

    [Fact]
    public async Task Purges_deleted_resources_on_next_save()
    {
        var package = NewPackage("purged-resources");
        await InsertPackagesAsync(package);
        var kept = NewResource(package.Id, 0);
        var dropped = NewResource(package.Id, 1);
        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [kept, dropped], Token));
        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [kept], Token));
        await Catalog.ExecuteAsync(
            """
            INSERT INTO resource_view (id, resource_id, title, view_type, "order")
            VALUES (@id, @resourceId, 'Table', 'datatables_view', 0)
            """,
            new { id = NewId(), resourceId = dropped.Id },
            Token);

        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [kept], Token));

        Assert.Null(await ReadAsync(session => session.GetResourceAsync(dropped.Id, Token)));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM resource_view"));
        Assert.NotNull(await ReadAsync(session => session.GetResourceAsync(kept.Id, Token)));
    }

    [Fact]
    public async Task Save_resources_leaves_other_packages_alone()
    {
        var package = NewPackage("own-resources");
        var neighbour = NewPackage("neighbour-resources");
        await InsertPackagesAsync(package, neighbour);
        var neighbourResource = NewResource(neighbour.Id, 0);
        await WriteAsync(session => session.SaveResourcesAsync(neighbour.Id, [neighbourResource], Token));

        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [], Token));

        var stored = await ReadAsync(session => session.GetResourceAsync(neighbourResource.Id, Token));
        Assert.Equal("active", stored?.State);
    }

    [Fact]
    public async Task Save_resources_revives_given_deleted_row()
    {
        var package = NewPackage("revived-resources");
        await InsertPackagesAsync(package);
        var resource = NewResource(package.Id, 0);
        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [resource], Token));
        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [], Token));

        await WriteAsync(session => session.SaveResourcesAsync(package.Id, [resource], Token));

        var stored = await ReadAsync(session => session.GetResourceAsync(resource.Id, Token));
        Assert.Equal("active", stored?.State);
    }

    [Fact]
    public async Task Tags_with_same_name_are_shared_between_packages()
    {
        var first = NewPackage("first-tagged");
        var second = NewPackage("second-tagged");
        await InsertPackagesAsync(first, second);

        await WriteAsync(async session =>
        {
            await session.ReplacePackageTagsAsync(first.Id, [new("economy", null)], Token);
            await session.ReplacePackageTagsAsync(second.Id, [new("economy", null)], Token);
        });

        var firstGraph = await ReadAsync(session => session.GetPackageGraphAsync(first.Id, Token));
        var secondGraph = await ReadAsync(session => session.GetPackageGraphAsync(second.Id, Token));
        Assert.Equal(1, await CountRowsAsync("SELECT count(*) FROM tag WHERE name = 'economy'"));
        Assert.NotNull(firstGraph);
        Assert.NotNull(secondGraph);
        Assert.Equal(Assert.Single(firstGraph.Tags).Id, Assert.Single(secondGraph.Tags).Id);
    }

    [Fact]
    public async Task Replacing_tags_keeps_old_tag_rows()
    {
        var package = NewPackage("retagged");
        await InsertPackagesAsync(package);
        await WriteAsync(session => session.ReplacePackageTagsAsync(package.Id, [new("before", null)], Token));

        await WriteAsync(session => session.ReplacePackageTagsAsync(package.Id, [new("after", null)], Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));
        Assert.NotNull(graph);
        Assert.Equal(["after"], graph.Tags.Select(tag => tag.Name));
        Assert.Equal(1, await CountRowsAsync("SELECT count(*) FROM tag WHERE name = 'before'"));
        Assert.Equal(1, await CountRowsAsync("SELECT count(*) FROM package_tag"));
    }

    [Fact]
    public async Task Vocabulary_and_free_tags_stay_apart()
    {
        var vocabularyId = await InsertVocabularyAsync("genres");
        var package = NewPackage("vocabulary-tagged");
        await InsertPackagesAsync(package);
        TagReference[] tags = [new("jazz", null), new("jazz", vocabularyId)];

        await WriteAsync(session => session.ReplacePackageTagsAsync(package.Id, tags, Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));
        Assert.NotNull(graph);
        Assert.Equal(2, graph.Tags.Count);
        Assert.Contains(graph.Tags, tag => tag.VocabularyId is null);
        Assert.Contains(graph.Tags, tag => tag.VocabularyId == vocabularyId);
        Assert.Equal(2, await CountRowsAsync("SELECT count(*) FROM tag WHERE name = 'jazz'"));
    }

    [Fact]
    public async Task Graph_tags_carry_their_vocabulary_name()
    {
        var vocabularyId = await InsertVocabularyAsync("instruments");
        var package = NewPackage("vocabulary-named");
        await InsertPackagesAsync(package);
        TagReference[] tags = [new("free", null), new("cello", vocabularyId)];
        await WriteAsync(session => session.ReplacePackageTagsAsync(package.Id, tags, Token));

        var graphs = await ReadAsync(session => session.GetPackageGraphsAsync([package.Id], Token));

        var graphTags = Assert.Single(graphs).Tags;
        Assert.Equal("instruments", graphTags.Single(tag => tag.Name == "cello").VocabularyName);
        Assert.Null(graphTags.Single(tag => tag.Name == "free").VocabularyName);
    }

    [Fact]
    public async Task Vocabulary_tag_is_reused_within_its_vocabulary()
    {
        var vocabularyId = await InsertVocabularyAsync("countries");
        var first = NewPackage("first-vocabulary");
        var second = NewPackage("second-vocabulary");
        await InsertPackagesAsync(first, second);

        await WriteAsync(async session =>
        {
            await session.ReplacePackageTagsAsync(first.Id, [new("france", vocabularyId)], Token);
            await session.ReplacePackageTagsAsync(second.Id, [new("france", vocabularyId)], Token);
        });

        Assert.Equal(1, await CountRowsAsync("SELECT count(*) FROM tag WHERE name = 'france'"));
        Assert.Equal(2, await CountRowsAsync("SELECT count(*) FROM package_tag"));
    }

    [Fact]
    public async Task Repeated_tag_is_attached_once()
    {
        var package = NewPackage("repeated-tag");
        await InsertPackagesAsync(package);

        await WriteAsync(session =>
            session.ReplacePackageTagsAsync(package.Id, [new("twice", null), new("twice", null)], Token));

        var graph = await ReadAsync(session => session.GetPackageGraphAsync(package.Id, Token));
        Assert.NotNull(graph);
        Assert.Single(graph.Tags);
    }

    [Fact]
    public async Task Purge_package_removes_every_dependent_row()
    {
        var group = NewGroup("purge-group");
        var user = NewUser("purge-user");
        var package = NewPackage("purged-dataset");
        var other = NewPackage("surviving-dataset");
        var resource = NewResource(package.Id, 0);
        await InsertGroupsAsync(group);
        await InsertUsersAsync(user);
        await InsertPackagesAsync(package, other);
        await WriteAsync(async session =>
        {
            await session.SaveResourcesAsync(package.Id, [resource], Token);
            await session.ReplacePackageExtrasAsync(package.Id, [new("spatial", "{}")], Token);
            await session.ReplacePackageTagsAsync(package.Id, [new("purged", null)], Token);
            await session.ReplacePackageGroupsAsync(package.Id, [group.Id], Token);
            await session.ReplacePackageTagsAsync(other.Id, [new("purged", null)], Token);
        });
        await Catalog.ExecuteAsync(
            """
            INSERT INTO resource_view (id, resource_id, title, view_type, "order")
            VALUES (@viewId, @resourceId, 'Table', 'datatables_view', 0);
            INSERT INTO package_member (package_id, user_id, capacity, modified)
            VALUES (@packageId, @userId, 'editor', '2024-01-01T00:00:00.000000');
            INSERT INTO package_relationship (id, subject_package_id, object_package_id, type, state)
            VALUES (@firstRelationshipId, @packageId, @otherId, 'depends_on', 'active'),
                   (@secondRelationshipId, @otherId, @packageId, 'child_of', 'active');
            """,
            new
            {
                viewId = NewId(),
                resourceId = resource.Id,
                packageId = package.Id,
                userId = user.Id,
                otherId = other.Id,
                firstRelationshipId = NewId(),
                secondRelationshipId = NewId(),
            },
            Token);

        await WriteAsync(session => session.PurgePackageAsync(package.Id, Token));

        var id = new { id = package.Id };
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM package WHERE id = @id", id));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM resource WHERE package_id = @id", id));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM resource_view"));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM package_extra WHERE package_id = @id", id));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM package_tag WHERE package_id = @id", id));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM member WHERE table_id = @id", id));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM package_member"));
        Assert.Equal(0, await CountRowsAsync("SELECT count(*) FROM package_relationship"));
        Assert.NotNull(await ReadAsync(session => session.GetPackageGraphAsync(other.Id, Token)));
        var otherId = new { id = other.Id };
        Assert.Equal(1, await CountRowsAsync("SELECT count(*) FROM package_tag WHERE package_id = @id", otherId));
    }

    [Fact]
    public async Task Lists_active_public_package_names()
    {
        await InsertPackagesAsync(
            NewPackage("charlie"),
            NewPackage("alpha"),
            NewPackage("bravo"),
            NewPackage("private-one") with { Private = true },
            NewPackage("draft-one") with { State = "draft" },
            NewPackage("deleted-one") with { State = "deleted" },
            NewPackage("harvest-one") with { Type = "harvest" });

        var names = await ReadAsync(session => session.ListPackageNamesAsync(null, 0, Token));

        Assert.Equal(["alpha", "bravo", "charlie"], names);
    }

    [Fact]
    public async Task Lists_package_names_with_limit_and_offset()
    {
        await InsertPackagesAsync(
            NewPackage("name-a"), NewPackage("name-b"), NewPackage("name-c"), NewPackage("name-d"));

        var names = await ReadAsync(session => session.ListPackageNamesAsync(2, 1, Token));

        Assert.Equal(["name-b", "name-c"], names);
    }

    [Fact]
    public async Task Lists_package_names_from_offset_without_limit()
    {
        await InsertPackagesAsync(NewPackage("name-a"), NewPackage("name-b"), NewPackage("name-c"));

        var names = await ReadAsync(session => session.ListPackageNamesAsync(null, 2, Token));

        Assert.Equal(["name-c"], names);
    }

    [Fact]
    public async Task Counts_public_active_packages_created_by_user()
    {
        var creator = NewId();
        await InsertPackagesAsync(
            NewPackage("created-public") with { CreatorUserId = creator },
            NewPackage("created-private") with { CreatorUserId = creator, Private = true },
            NewPackage("created-deleted") with { CreatorUserId = creator, State = "deleted" },
            NewPackage("created-by-other") with { CreatorUserId = NewId() });

        var count = await ReadAsync(session => session.CountPackagesCreatedByAsync(creator, Token));

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Lists_free_tags_of_visible_datasets()
    {
        var vocabularyId = await InsertVocabularyAsync("topics");
        var visible = NewPackage("visible-tags");
        var hidden = NewPackage("hidden-tags") with { Private = true };
        await InsertPackagesAsync(visible, hidden);
        await WriteAsync(async session =>
        {
            await session.ReplacePackageTagsAsync(visible.Id, [new("rivers", null), new("lakes", vocabularyId)], Token);
            await session.ReplacePackageTagsAsync(hidden.Id, [new("secret", null)], Token);
        });

        var free = await ReadAsync(session => session.ListTagsAsync(null, null, Token));
        var vocabulary = await ReadAsync(session => session.ListTagsAsync(null, vocabularyId, Token));

        Assert.Equal(["rivers"], free.Select(tag => tag.Name));
        Assert.Equal(["lakes"], vocabulary.Select(tag => tag.Name));
    }

    [Fact]
    public async Task Finds_vocabulary_by_id_or_name()
    {
        var vocabularyId = await InsertVocabularyAsync("formats");

        var byName = await ReadAsync(session => session.FindVocabularyIdAsync("formats", Token));
        var byId = await ReadAsync(session => session.FindVocabularyIdAsync(vocabularyId, Token));
        var unknown = await ReadAsync(session => session.FindVocabularyIdAsync("unknown", Token));

        Assert.Equal(vocabularyId, byName);
        Assert.Equal(vocabularyId, byId);
        Assert.Null(unknown);
    }

    // The catalog interfaces have no vocabulary writer, so the row is written directly.
    private async Task<string> InsertVocabularyAsync(string name)
    {
        var id = NewId();
        await Catalog.ExecuteAsync("INSERT INTO vocabulary (id, name) VALUES (@id, @name)", new { id, name }, Token);
        return id;
    }
}
