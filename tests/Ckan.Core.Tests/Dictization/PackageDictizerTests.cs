using System.Text.Json.Nodes;
using Ckan.Core.Dictization;
using Ckan.Core.Licenses;
using Ckan.Core.Model;
using Xunit;

namespace Ckan.Core.Tests.Dictization;

public sealed class PackageDictizerTests
{
    private const string SiteUrl = "http://ckan.example.org";

    private static readonly LicenseRegister Licenses = LicenseRegister.CreateDefault();

    [Fact]
    public void Keeps_null_optional_fields()
    {
        var graph = Graph(new PackageRow { Id = NewId(), Name = "sparse" });

        var dict = PackageDictizer.Dictize(graph, Licenses, SiteUrl);

        string[] nullable =
        [
            "author", "author_email", "creator_user_id", "license_id", "license_title", "maintainer",
            "maintainer_email", "metadata_created", "metadata_modified", "notes", "organization", "owner_org",
            "title", "url", "version",
        ];
        foreach (var key in nullable)
        {
            Assert.True(dict.ContainsKey(key), $"Key {key} is missing.");
            Assert.True(dict[key] is null, $"Key {key} is {dict[key]?.ToJsonString()}, expected null.");
        }
    }

    [Fact]
    public void Copies_core_fields()
    {
        var package = new PackageRow
        {
            Id = NewId(),
            Name = "full",
            Title = "Full",
            Version = "2.0",
            Url = "http://example.org",
            Author = "Ada",
            Notes = "Notes",
            Type = "dataset",
            Private = true,
            State = "draft",
            MetadataCreated = "2024-01-31T10:20:30.000000",
            MetadataModified = "2024-02-01T08:00:00.123456",
        };

        var dict = PackageDictizer.Dictize(Graph(package), Licenses, SiteUrl);

        Assert.Equal(package.Id, (string?)dict["id"]);
        Assert.Equal("full", (string?)dict["name"]);
        Assert.Equal("Full", (string?)dict["title"]);
        Assert.Equal("2.0", (string?)dict["version"]);
        Assert.Equal("Ada", (string?)dict["author"]);
        Assert.Equal("dataset", (string?)dict["type"]);
        Assert.True((bool?)dict["private"]);
        Assert.Equal("draft", (string?)dict["state"]);
        Assert.Equal("2024-01-31T10:20:30", (string?)dict["metadata_created"]);
        Assert.Equal("2024-02-01T08:00:00.123456", (string?)dict["metadata_modified"]);
    }

    [Fact]
    public void Takes_license_title_url_and_openness_from_register()
    {
        var graph = Graph(new PackageRow { Id = NewId(), Name = "licensed", LicenseId = "cc-by" });

        var dict = PackageDictizer.Dictize(graph, Licenses, SiteUrl);

        Assert.Equal("cc-by", (string?)dict["license_id"]);
        Assert.Equal("Creative Commons Attribution", (string?)dict["license_title"]);
        Assert.Equal("http://www.opendefinition.org/licenses/cc-by", (string?)dict["license_url"]);
        Assert.True((bool?)dict["isopen"]);
    }

    [Fact]
    public void Leaves_out_license_url_when_license_has_none()
    {
        var graph = Graph(new PackageRow { Id = NewId(), Name = "other-open", LicenseId = "other-open" });

        var dict = PackageDictizer.Dictize(graph, Licenses, SiteUrl);

        Assert.Equal("Other (Open)", (string?)dict["license_title"]);
        Assert.False(dict.ContainsKey("license_url"));
        Assert.True((bool?)dict["isopen"]);
    }

    [Fact]
    public void Marks_closed_license_not_open()
    {
        var graph = Graph(new PackageRow { Id = NewId(), Name = "closed", LicenseId = "other-closed" });

        var dict = PackageDictizer.Dictize(graph, Licenses, SiteUrl);

        Assert.Equal("Other (Not Open)", (string?)dict["license_title"]);
        Assert.False((bool?)dict["isopen"]);
    }

    [Fact]
    public void Falls_back_to_license_id_for_unknown_license()
    {
        var graph = Graph(new PackageRow { Id = NewId(), Name = "custom", LicenseId = "my-own-license" });

        var dict = PackageDictizer.Dictize(graph, Licenses, SiteUrl);

        Assert.Equal("my-own-license", (string?)dict["license_title"]);
        Assert.False(dict.ContainsKey("license_url"));
        Assert.False((bool?)dict["isopen"]);
    }

    [Fact]
    public void Sorts_extras_by_key_in_ordinal_order()
    {
        var graph = Graph(new PackageRow { Id = NewId(), Name = "extras" }) with
        {
            Extras = [new("b", "2"), new("a", "1"), new("B", "3")],
        };

        var dict = PackageDictizer.Dictize(graph, Licenses, SiteUrl);

        var extras = dict["extras"]!.AsArray();
        Assert.Equal(["B", "a", "b"], extras.Select(extra => (string?)extra!["key"]));
        Assert.Equal(["3", "1", "2"], extras.Select(extra => (string?)extra!["value"]));
    }

    [Fact]
    public void Rewrites_upload_urls_to_site_download_route()
    {
        var package = new PackageRow { Id = NewId(), Name = "uploads" };
        var upload = Resource(package.Id, "budget-2024.csv") with { UrlType = "upload" };
        var link = Resource(package.Id, "http://example.org/data.csv");

        var dict = PackageDictizer.Dictize(Graph(package) with { Resources = [upload, link] }, Licenses, SiteUrl);

        var resources = dict["resources"]!.AsArray();
        Assert.Equal(
            $"{SiteUrl}/dataset/{package.Id}/resource/{upload.Id}/download/budget-2024.csv",
            (string?)resources[0]!["url"]);
        Assert.Equal("http://example.org/data.csv", (string?)resources[1]!["url"]);
    }

    [Fact]
    public void Numbers_resources_by_place_in_graph()
    {
        var package = new PackageRow { Id = NewId(), Name = "positions" };
        var first = Resource(package.Id, "http://example.org/1.csv") with { Position = 7 };
        var second = Resource(package.Id, "http://example.org/2.csv") with { Position = 9 };

        var dict = PackageDictizer.Dictize(Graph(package) with { Resources = [first, second] }, Licenses, SiteUrl);

        var resources = dict["resources"]!.AsArray();
        Assert.Equal(2, (int?)dict["num_resources"]);
        Assert.Equal(0, (int?)resources[0]!["position"]);
        Assert.Equal(1, (int?)resources[1]!["position"]);
    }

    [Fact]
    public void Lists_tags_with_vocabulary()
    {
        var graph = Graph(new PackageRow { Id = NewId(), Name = "tags" }) with
        {
            Tags =
            [
                new TagRow { Id = "tag-1", Name = "economy" },
                new TagRow { Id = "tag-2", Name = "FR", VocabularyId = "v" },
            ],
        };

        var dict = PackageDictizer.Dictize(graph, Licenses, SiteUrl);

        var tags = dict["tags"]!.AsArray();
        Assert.Equal(2, (int?)dict["num_tags"]);
        Assert.Equal(
            """{"display_name":"economy","id":"tag-1","name":"economy","state":"active","vocabulary_id":null}""",
            tags[0]!.ToJsonString());
        Assert.Equal("v", (string?)tags[1]!["vocabulary_id"]);
    }

    [Fact]
    public void Embeds_organization_and_group_summaries()
    {
        var organization = new GroupRow
        {
            Id = NewId(),
            Name = "water-board",
            Title = "Water Board",
            Type = "organization",
            IsOrganization = true,
            Created = "2024-01-01T00:00:00.000000",
        };
        var group = new GroupRow { Id = NewId(), Name = "climate", Title = "", ImageUrl = "logo.png" };
        var package = new PackageRow { Id = NewId(), Name = "grouped", OwnerOrg = organization.Id };

        var dict = PackageDictizer.Dictize(
            Graph(package) with { Organization = organization, Groups = [group] }, Licenses, SiteUrl);

        var embedded = dict["organization"]!;
        Assert.Equal("water-board", (string?)embedded["name"]);
        Assert.Equal("2024-01-01T00:00:00", (string?)embedded["created"]);
        Assert.True((bool?)embedded["is_organization"]);
        Assert.Equal(organization.Id, (string?)dict["owner_org"]);
        var summary = dict["groups"]!.AsArray().Single()!;
        Assert.Equal("climate", (string?)summary["display_name"]);
        Assert.Equal($"{SiteUrl}/uploads/group/logo.png", (string?)summary["image_display_url"]);
        Assert.Equal("", (string?)summary["description"]);
    }

    [Fact]
    public void Adds_empty_relationship_lists()
    {
        var dict = PackageDictizer.Dictize(Graph(new PackageRow { Id = NewId(), Name = "alone" }), Licenses, SiteUrl);

        Assert.Empty(dict["relationships_as_object"]!.AsArray());
        Assert.Empty(dict["relationships_as_subject"]!.AsArray());
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static PackageGraph Graph(PackageRow package) => new()
    {
        Package = package,
        Resources = [],
        Extras = [],
        Tags = [],
        Groups = [],
    };

    private static ResourceRow Resource(string packageId, string url) =>
        new() { Id = NewId(), PackageId = packageId, Url = url };
}
