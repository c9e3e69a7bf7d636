using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class PackageCreateValidationTests
{
    private const string LowercaseMessage =
        "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rejects_dataset_name_under_two_characters()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = "a", ["owner_org"] = org });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Must be at least 2 characters long");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_dataset_name_over_100_characters()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(
            portal, admin, new JsonObject { ["name"] = new string('a', 101), ["owner_org"] = org });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Name must be a maximum of 100 characters long");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Accepts_dataset_name_of_100_characters()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var name = Names.Unique("dataset").PadRight(100, 'x');

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = name, ["owner_org"] = org });

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal([name], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Theory]
    [InlineData("Uppercase")]
    [InlineData("with space")]
    [InlineData("dot.ted")]
    [InlineData("ümlaut")]
    public async Task Rejects_dataset_name_outside_lowercase_ascii(string name)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = name, ["owner_org"] = org });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", LowercaseMessage);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Theory]
    [InlineData("new")]
    [InlineData("edit")]
    [InlineData("search")]
    public async Task Rejects_dataset_name_reserved_by_the_site(string name)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = name, ["owner_org"] = org });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "That name cannot be used");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("1234567890")]
    public async Task Accepts_json_scalar_as_dataset_name_text(string json)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(
            portal, admin, new JsonObject { ["name"] = JsonNode.Parse(json), ["owner_org"] = org });

        ApiAssert.Status(response, HttpStatusCode.OK);
        Assert.Equal(json, response.Result!["name"]!.GetValue<string>());
        Assert.Equal([json], await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_list_as_dataset_name()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(
            portal, admin, new JsonObject { ["name"] = new JsonArray("ab", "cd"), ["owner_org"] = org });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", LowercaseMessage);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_dataset_name_already_in_use()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var existing = await portal.CreateDatasetAsync(org, CancellationToken);
        var name = existing["name"]!.GetValue<string>();

        var response = await CreateAsync(
            portal, admin, new JsonObject { ["name"] = name, ["owner_org"] = org, ["title"] = "Second" });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "That URL is already in use.");
        Assert.Equal([name], await portal.ListDatasetNamesAsync(CancellationToken));
        var shown = await portal.GetAsync(
            "/api/3/action/package_show?id=" + name, cancellationToken: CancellationToken);
        Assert.Equal(existing["id"]!.GetValue<string>(), shown.Result!["id"]!.GetValue<string>());
        Assert.Equal(name, shown.Result!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Rejects_dataset_without_name(string? name)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = name, ["owner_org"] = org });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Missing value");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_dataset_without_any_field()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await CreateAsync(portal, admin, new JsonObject());

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "name", "Missing value");
        ApiAssert.Messages(error, "owner_org", "An organization must be provided");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Theory]
    [InlineData("author_email", "not-an-email")]
    [InlineData("maintainer_email", "someone@")]
    [InlineData("author_email", "two@at@example.org")]
    [InlineData("author_email", "double..dot@example.org")]
    [InlineData("maintainer_email", ".leading@example.org")]
    public async Task Rejects_invalid_contact_email(string field, string email)
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(portal, admin, NewDataset(org, field, email));

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, field, $"Email {email} is not a valid format");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Reports_invalid_email_without_surrounding_spaces()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);

        var response = await CreateAsync(portal, admin, NewDataset(org, "author_email", "  not-an-email  "));

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "author_email", "Email not-an-email is not a valid format");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_private_dataset_without_organization()
    {
        var options = new Dictionary<string, string> { ["ckan.auth.create_unowned_dataset"] = "true" };
        await using var portal = await TestPortal.StartAsync(options, CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("dataset");

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = name, ["private"] = true });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "private", "Datasets with no organization can't be private.");
        Assert.False(error.ContainsKey("owner_org"));
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Rejects_dataset_without_organization_by_default()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("dataset");

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = name });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "owner_org", "An organization must be provided");
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Reports_both_missing_organization_and_private_flag()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("dataset");

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = name, ["private"] = "true" });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "owner_org", "An organization must be provided");
        ApiAssert.Messages(error, "private", "Datasets with no organization can't be private.");
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Rejects_organization_that_does_not_exist()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var name = Names.Unique("dataset");

        var response = await CreateAsync(
            portal,
            admin,
            new JsonObject { ["name"] = name, ["owner_org"] = Names.Unique("missing"), ["private"] = true });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "owner_org", "Organization does not exist");
        Assert.False(error.ContainsKey("private"));
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Rejects_group_given_as_owner_organization()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var group = await portal.CreateGroupAsync(CancellationToken);
        var name = Names.Unique("dataset");

        var response = await CreateAsync(portal, admin, new JsonObject { ["name"] = name, ["owner_org"] = group });

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "owner_org", "Organization does not exist");
        await AssertNotStoredAsync(portal, name);
    }

    [Fact]
    public async Task Rejects_extra_named_like_dataset_field()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var dataset = NewDataset(org, "extras", new JsonArray(
            new JsonObject { ["key"] = "spatial", ["value"] = "x" },
            new JsonObject { ["key"] = "title", ["value"] = "y" }));

        var response = await CreateAsync(portal, admin, dataset);

        var error = ApiAssert.ValidationError(response);
        var extras = Assert.IsType<JsonArray>(error["extras"]);
        Assert.Equal(2, extras.Count);
        Assert.Empty(extras[0]!.AsObject());
        ApiAssert.Messages(extras[1]!.AsObject(), "key", "There is a schema field with the same name");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_duplicate_extra_keys()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var dataset = NewDataset(org, "extras", new JsonArray(
            new JsonObject { ["key"] = "source", ["value"] = "a" },
            new JsonObject { ["key"] = "source", ["value"] = "b" }));

        var response = await CreateAsync(portal, admin, dataset);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "extras_validation", "Duplicate key \"source\"");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_tag_shorter_than_two_characters()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var dataset = NewDataset(org, "tags", new JsonArray(
            new JsonObject { ["name"] = "economy" },
            new JsonObject { ["name"] = "x" }));

        var response = await CreateAsync(portal, admin, dataset);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(error, "tags", "Tag \"x\" length is less than minimum 2");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_tag_with_disallowed_characters()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var dataset = NewDataset(org, "tags", new JsonArray(new JsonObject { ["name"] = "a/b" }));

        var response = await CreateAsync(portal, admin, dataset);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(
            error,
            "tags",
            "Tag \"a/b\" can only contain alphanumeric characters, spaces (\" \"), hyphens (\"-\"), "
            + "underscores (\"_\") or dots (\".\")");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Joins_every_message_of_one_tag()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var dataset = NewDataset(org, "tags", new JsonArray(new JsonObject { ["name"] = "/" }));

        var response = await CreateAsync(portal, admin, dataset);

        var error = ApiAssert.ValidationError(response);
        ApiAssert.Messages(
            error,
            "tags",
            "Tag \"/\" length is less than minimum 2, Tag \"/\" can only contain alphanumeric characters, "
            + "spaces (\" \"), hyphens (\"-\"), underscores (\"_\") or dots (\".\")");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_tag_in_unknown_vocabulary()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var dataset = NewDataset(org, "tags", new JsonArray(
            new JsonObject { ["name"] = "economy", ["vocabulary_id"] = Names.Unique("vocabulary") }));

        var response = await CreateAsync(portal, admin, dataset);

        var error = ApiAssert.ValidationError(response);
        var tags = Assert.IsType<JsonArray>(error["tags"]);
        var tagError = Assert.IsType<JsonObject>(Assert.Single(tags));
        ApiAssert.Messages(tagError, "vocabulary_id", "Tag vocabulary was not found.");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_non_integer_resource_size()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var dataset = NewDataset(org, "resources", new JsonArray(
            new JsonObject { ["url"] = "http://example.org/a.csv", ["size"] = "12 kB" }));

        var response = await CreateAsync(portal, admin, dataset);

        var error = ApiAssert.ValidationError(response);
        var resources = Assert.IsType<JsonArray>(error["resources"]);
        ApiAssert.Messages(Assert.Single(resources)!.AsObject(), "size", "Invalid integer");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    [Fact]
    public async Task Rejects_resource_date_at_its_position()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var (admin, org) = await ArrangeSysadminAndOrganizationAsync(portal);
        var dataset = NewDataset(org, "resources", new JsonArray(
            new JsonObject { ["url"] = "http://example.org/a.csv", ["created"] = "2024-05-01T12:00:00" },
            new JsonObject { ["url"] = "http://example.org/b.csv", ["last_modified"] = "yesterday" }));

        var response = await CreateAsync(portal, admin, dataset);

        var error = ApiAssert.ValidationError(response);
        var resources = Assert.IsType<JsonArray>(error["resources"]);
        Assert.Equal(2, resources.Count);
        Assert.Empty(resources[0]!.AsObject());
        ApiAssert.Messages(resources[1]!.AsObject(), "last_modified", "Date format incorrect");
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }

    private static async Task<(TestUser Admin, string Organization)> ArrangeSysadminAndOrganizationAsync(
        TestPortal portal)
    {
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var org = await portal.CreateOrganizationAsync(CancellationToken);
        return (admin, org);
    }

    private static JsonObject NewDataset(string organization, string field, JsonNode value) => new()
    {
        ["name"] = Names.Unique("dataset"),
        ["owner_org"] = organization,
        [field] = value,
    };

    private static Task<ApiResponse> CreateAsync(TestPortal portal, TestUser user, JsonObject dataset) =>
        portal.PostAsync("package_create", dataset, user.Token, CancellationToken);

    private static async Task AssertNotStoredAsync(TestPortal portal, string name)
    {
        await ApiAssert.NoDatasetAsync(portal, name, CancellationToken);
        Assert.Empty(await portal.ListDatasetNamesAsync(CancellationToken));
    }
}
