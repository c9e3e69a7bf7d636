using System.Net;
using System.Text.Json.Nodes;
using Ckan.Core.Config;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Plugins;

/// <summary>Each plugin hook, exercised through the HTTP API of a portal that enables a sample plugin.</summary>
public sealed class PluginHookTests
{
    [Fact]
    public async Task Action_plugin_adds_and_wraps_actions()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync("sample_actions", cancellationToken);

        var greeting = await portal.GetAsync("/api/3/action/sample_greeting", cancellationToken: cancellationToken);
        var status = await portal.GetAsync("/api/3/action/status_show", cancellationToken: cancellationToken);

        Assert.Equal(HttpStatusCode.OK, greeting.Status);
        Assert.Equal("hello", greeting.Result!["greeting"]!.GetValue<string>());
        Assert.True(status.Result!["sample"]!.GetValue<bool>());
        Assert.Equal(["sample_actions"], status.Result!["extensions"]!.AsArray().Select(name => name!.GetValue<string>()));
    }

    [Fact]
    public async Task Declared_default_yields_to_ini_value()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await TestPortal.StartAsync(
            new Dictionary<string, string>
            {
                ["ckan.plugins"] = "sample_actions",
                ["ckanext.sample.greeting"] = "hola",
            },
            cancellationToken);

        var greeting = await portal.GetAsync("/api/3/action/sample_greeting", cancellationToken: cancellationToken);

        Assert.Equal("hola", greeting.Result!["greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auth_plugin_restricts_core_action()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync("sample_auth", cancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: cancellationToken);

        var anonymous = await portal.GetAsync("/api/3/action/tag_list", cancellationToken: cancellationToken);
        var loggedIn = await portal.GetAsync("/api/3/action/tag_list", user.Token, cancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
        Assert.Equal("Authorization Error", anonymous.Error["__type"]!.GetValue<string>());
        Assert.Contains("Only logged-in users may list tags", anonymous.Error["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, loggedIn.Status);
    }

    [Fact]
    public async Task Schema_plugin_validates_and_shows_fields()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync("sample_schema", cancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, cancellationToken);
        var organization = Names.Unique("org");
        await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var name = Names.Unique("dataset");

        var invalid = await portal.PostAsync("package_create", new JsonObject
        {
            ["name"] = name,
            ["owner_org"] = organization,
            ["theme"] = "weather",
            ["keywords"] = "not a list",
        }, admin.Token, cancellationToken);
        var created = await portal.PostAsync("package_create", new JsonObject
        {
            ["name"] = name,
            ["owner_org"] = organization,
            ["theme"] = "health",
            ["keywords"] = new JsonArray("clinics", "beds"),
            ["extras"] = new JsonArray(new JsonObject { ["key"] = "source", ["value"] = "survey" }),
        }, admin.Token, cancellationToken);
        var dataset = await portal.GetAsync("/api/3/action/package_show?id=" + name, cancellationToken: cancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, invalid.Status);
        Assert.Equal("Value must be one of: health, transport", invalid.Error["theme"]![0]!.GetValue<string>());
        Assert.Equal("Must be a list", invalid.Error["keywords"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("health", dataset.Result!["theme"]!.GetValue<string>());
        Assert.Equal(["clinics", "beds"], dataset.Result!["keywords"]!.AsArray().Select(item => item!.GetValue<string>()));
        var extras = dataset.Result!["extras"]!.AsArray();
        Assert.Equal("source", Assert.Single(extras)!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_plugin_turns_parameter_into_filter()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync("sample_schema sample_search", cancellationToken);
        var organization = Names.Unique("org");
        await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var health = Names.Unique("health");
        await portal.ArrangeAsync("package_create",
            new JsonObject { ["name"] = health, ["owner_org"] = organization, ["theme"] = "health" }, cancellationToken);
        await portal.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("transport"), ["owner_org"] = organization, ["theme"] = "transport" },
            cancellationToken);

        var search = await portal.GetAsync("/api/3/action/package_search?ext_theme=health",
            cancellationToken: cancellationToken);

        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Equal(1, search.Result!["count"]!.GetValue<int>());
        Assert.Equal(health, search.Result!["results"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("health", search.Result!["results"]![0]!["theme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Index_plugin_field_is_searchable()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync("sample_index", cancellationToken);
        var organization = Names.Unique("org");
        await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var apples = Names.Unique("apples");
        await portal.ArrangeAsync("package_create",
            new JsonObject { ["name"] = apples, ["title"] = "apples", ["owner_org"] = organization },
            cancellationToken);
        await portal.ArrangeAsync("package_create",
            new JsonObject { ["name"] = Names.Unique("bananas"), ["title"] = "bananas", ["owner_org"] = organization },
            cancellationToken);

        var search = await portal.GetAsync("/api/3/action/package_search?ext_initial=A",
            cancellationToken: cancellationToken);

        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Equal(1, search.Result!["count"]!.GetValue<int>());
        Assert.Equal(apples, search.Result!["results"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ranking_plugin_filters_and_orders_hits()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync("sample_index", cancellationToken);
        var organization = Names.Unique("org");
        await portal.ArrangeAsync("organization_create", new JsonObject { ["name"] = organization }, cancellationToken);
        var tag = Names.Unique("fruit");
        foreach (var title in new[] { "fig", "cherries", "plum", "pomegranates" })
        {
            await portal.ArrangeAsync("package_create",
                new JsonObject
                {
                    ["name"] = Names.Unique(title),
                    ["title"] = title,
                    ["owner_org"] = organization,
                    ["tags"] = new JsonArray(new JsonObject { ["name"] = tag }),
                },
                cancellationToken);
        }

        var ranked = await portal.GetAsync($"/api/3/action/package_search?fq=tags:{tag}&ext_longer_than=3",
            cancellationToken: cancellationToken);
        var sorted = await portal.GetAsync(
            $"/api/3/action/package_search?fq=tags:{tag}&ext_longer_than=3&sort=title_string asc",
            cancellationToken: cancellationToken);

        Assert.Equal(HttpStatusCode.OK, ranked.Status);
        Assert.Equal(3, ranked.Result!["count"]!.GetValue<int>());
        Assert.Equal(
            ["pomegranates", "cherries", "plum"],
            ranked.Result!["results"]!.AsArray().Select(hit => hit!["title"]!.GetValue<string>()));
        Assert.Equal(
            ["cherries", "plum", "pomegranates"],
            sorted.Result!["results"]!.AsArray().Select(hit => hit!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Web_plugin_serves_page_and_assets()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync("sample_pages", cancellationToken);

        var page = await portal.Client.GetStringAsync(new Uri("/sample", UriKind.Relative), cancellationToken);
        var asset = await portal.Client.GetStringAsync(new Uri("/sample/assets/sample.css", UriKind.Relative),
            cancellationToken);

        Assert.Contains("Sample page", page, StringComparison.Ordinal);
        Assert.Contains("#123456", asset, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_plugin_fails_start_listing_available()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<ConfigException>(() => StartAsync("sample_actions no_such_plugin", cancellationToken));

        Assert.Contains("Unknown plugin \"no_such_plugin\" in ckan.plugins", error.Message, StringComparison.Ordinal);
        Assert.Contains("sample_actions", error.Message, StringComparison.Ordinal);
        Assert.Contains("envvars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Core_plugin_names_are_accepted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var portal = await StartAsync("image_view text_view datastore envvars", cancellationToken);

        var status = await portal.GetAsync("/api/3/action/status_show", cancellationToken: cancellationToken);

        Assert.Equal(4, status.Result!["extensions"]!.AsArray().Count);
    }

    private static Task<TestPortal> StartAsync(string plugins, CancellationToken cancellationToken) =>
        TestPortal.StartAsync(new Dictionary<string, string> { ["ckan.plugins"] = plugins }, cancellationToken);
}
