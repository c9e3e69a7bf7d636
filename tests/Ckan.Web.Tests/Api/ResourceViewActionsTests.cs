using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

/// <summary>The resource_view_* actions over HTTP, with image_view and webpage_view enabled.</summary>
public sealed class ResourceViewActionsTests
{
    private const string Plugins = "image_view webpage_view";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_returns_view_with_settings_at_top_level()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (dataset, resourceId) = await CreateResourceAsync(portal, "CSV");

        var response = await portal.PostAsync("resource_view_create", new JsonObject
        {
            ["resource_id"] = resourceId,
            ["view_type"] = "image_view",
            ["title"] = "Chart",
            ["description"] = "The chart",
            ["image_url"] = "http://example.org/chart.png",
        }, admin.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
        var view = response.Result!.AsObject();
        Assert.Equal(
            ["id", "resource_id", "title", "description", "view_type", "image_url", "package_id"],
            view.Select(pair => pair.Key));
        Assert.Equal(resourceId, view["resource_id"]!.GetValue<string>());
        Assert.Equal("http://example.org/chart.png", view["image_url"]!.GetValue<string>());
        Assert.Equal(dataset["id"]!.GetValue<string>(), view["package_id"]!.GetValue<string>());
        Assert.True(Guid.TryParse(view["id"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Create_reports_missing_and_invalid_fields()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV");

        var noType = await portal.PostAsync(
            "resource_view_create", new JsonObject { ["resource_id"] = resourceId }, admin.Token, CancellationToken);
        var unknownType = await portal.PostAsync("resource_view_create", new JsonObject
        {
            ["resource_id"] = resourceId, ["view_type"] = "recline_view", ["title"] = "T",
        }, admin.Token, CancellationToken);
        var invalid = await portal.PostAsync("resource_view_create", new JsonObject
        {
            ["resource_id"] = resourceId,
            ["view_type"] = "image_view",
            ["image_url"] = "javascript:alert(1)",
            ["colour"] = "red",
        }, admin.Token, CancellationToken);
        var noResource = await portal.PostAsync("resource_view_create", new JsonObject
        {
            ["resource_id"] = Guid.NewGuid().ToString(), ["view_type"] = "image_view", ["title"] = "T",
        }, admin.Token, CancellationToken);

        ApiAssert.Messages(ApiAssert.ValidationError(noType), "view_type", "Missing value");
        Assert.Equal(
            "No plugin found for view_type recline_view",
            ApiAssert.ValidationError(unknownType)["view_type"]!.GetValue<string>());
        var errors = ApiAssert.ValidationError(invalid);
        ApiAssert.Messages(errors, "title", "Missing value");
        ApiAssert.Messages(errors, "image_url", "Please provide a valid URL");
        ApiAssert.Messages(errors, "__extras", "The input field __extras was not expected.");
        ApiAssert.Messages(ApiAssert.ValidationError(noResource), "resource_id", "Not found: Resource");
    }

    [Fact]
    public async Task Create_needs_dataset_edit_rights()
    {
        await using var portal = await StartAsync();
        var stranger = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var (dataset, resourceId) = await CreateResourceAsync(portal, "CSV");
        var view = new JsonObject { ["resource_id"] = resourceId, ["view_type"] = "image_view", ["title"] = "T" };

        var anonymous = await portal.PostAsync("resource_view_create", view, cancellationToken: CancellationToken);
        var loggedIn = await portal.PostAsync("resource_view_create", view, stranger.Token, CancellationToken);

        ApiAssert.Failure(anonymous, HttpStatusCode.Forbidden, "Authorization Error");
        ApiAssert.AuthorizationError(
            loggedIn,
            $"Access denied: User {stranger.Name} not authorized to create resources on dataset {dataset["id"]!.GetValue<string>()}");
    }

    [Fact]
    public async Task Editor_of_organization_may_create_views()
    {
        await using var portal = await StartAsync();
        var editor = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var organization = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(organization, editor, "editor", CancellationToken);
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV", organization);

        var response = await portal.PostAsync("resource_view_create", new JsonObject
        {
            ["resource_id"] = resourceId, ["view_type"] = "webpage_view", ["title"] = "Site",
        }, editor.Token, CancellationToken);

        ApiAssert.Status(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_takes_id_from_sysadmin_only()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var editor = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var organization = await portal.CreateOrganizationAsync(CancellationToken);
        await portal.AddMemberAsync(organization, editor, "editor", CancellationToken);
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV", organization);
        var id = Guid.NewGuid().ToString();
        JsonObject View(string viewId) => new()
        {
            ["id"] = viewId, ["resource_id"] = resourceId, ["view_type"] = "image_view", ["title"] = "T",
        };

        var fromEditor = await portal.PostAsync("resource_view_create", View(id), editor.Token, CancellationToken);
        var fromAdmin = await portal.PostAsync("resource_view_create", View(id), admin.Token, CancellationToken);
        var again = await portal.PostAsync("resource_view_create", View(id), admin.Token, CancellationToken);
        var invalid = await portal.PostAsync("resource_view_create", View("not-a-uuid"), admin.Token, CancellationToken);

        ApiAssert.Messages(ApiAssert.ValidationError(fromEditor), "id", "The input field id was not expected.");
        ApiAssert.Status(fromAdmin, HttpStatusCode.OK);
        Assert.Equal(id, fromAdmin.Result!["id"]!.GetValue<string>());
        ApiAssert.Messages(ApiAssert.ValidationError(again), "id", "ResourceView id already exists");
        ApiAssert.Messages(ApiAssert.ValidationError(invalid), "id", "Invalid id provided");
    }

    [Fact]
    public async Task List_orders_views_and_show_returns_one()
    {
        await using var portal = await StartAsync();
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV");
        var first = await CreateViewAsync(portal, resourceId, "image_view", "First");
        var second = await CreateViewAsync(portal, resourceId, "webpage_view", "Second");

        var list = await portal.GetAsync("/api/3/action/resource_view_list?id=" + resourceId, cancellationToken: CancellationToken);
        var show = await portal.GetAsync("/api/3/action/resource_view_show?id=" + second, cancellationToken: CancellationToken);
        var missing = await portal.GetAsync(
            "/api/3/action/resource_view_show?id=" + Guid.NewGuid(), cancellationToken: CancellationToken);

        ApiAssert.Status(list, HttpStatusCode.OK);
        Assert.Equal([first, second], list.Result!.AsArray().Select(view => view!["id"]!.GetValue<string>()));
        ApiAssert.Status(show, HttpStatusCode.OK);
        Assert.Equal("Second", show.Result!["title"]!.GetValue<string>());
        ApiAssert.Failure(missing, HttpStatusCode.NotFound, "Not Found Error");
    }

    [Fact]
    public async Task Views_of_private_dataset_need_read_rights()
    {
        await using var portal = await StartAsync();
        var stranger = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var organization = await portal.CreateOrganizationAsync(CancellationToken);
        var dataset = await portal.CreateDatasetAsync(new JsonObject
        {
            ["owner_org"] = organization,
            ["private"] = true,
            ["resources"] = new JsonArray(new JsonObject { ["url"] = "http://example.org/a.png", ["format"] = "PNG" }),
        }, CancellationToken);
        var resourceId = dataset["resources"]![0]!["id"]!.GetValue<string>();
        var viewId = await CreateViewAsync(portal, resourceId, "image_view", "Picture");

        var list = await portal.GetAsync(
            "/api/3/action/resource_view_list?id=" + resourceId, stranger.Token, CancellationToken);
        var show = await portal.GetAsync(
            "/api/3/action/resource_view_show?id=" + viewId, stranger.Token, CancellationToken);

        ApiAssert.AuthorizationError(list, $"Access denied: User {stranger.Name} not authorized to read resource {resourceId}");
        ApiAssert.AuthorizationError(show, $"Access denied: User {stranger.Name} not authorized to read resource {resourceId}");
    }

    [Fact]
    public async Task Update_changes_title_and_replaces_settings()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV");
        var viewId = await CreateViewAsync(portal, resourceId, "image_view", "Old", "http://example.org/old.png");

        var updated = await portal.PostAsync("resource_view_update", new JsonObject
        {
            ["id"] = viewId, ["title"] = "New", ["view_type"] = "webpage_view", ["package_id"] = "ignored",
        }, admin.Token, CancellationToken);
        var notFound = await portal.PostAsync(
            "resource_view_update", new JsonObject { ["id"] = Guid.NewGuid().ToString() }, admin.Token, CancellationToken);

        ApiAssert.Status(updated, HttpStatusCode.OK);
        Assert.Equal("New", updated.Result!["title"]!.GetValue<string>());
        Assert.Equal("image_view", updated.Result!["view_type"]!.GetValue<string>());
        Assert.False(updated.Result!.AsObject().ContainsKey("image_url"));
        ApiAssert.Failure(notFound, HttpStatusCode.NotFound, "Not Found Error");
    }

    [Fact]
    public async Task Update_and_delete_need_edit_rights()
    {
        await using var portal = await StartAsync();
        var stranger = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV");
        var viewId = await CreateViewAsync(portal, resourceId, "image_view", "Picture");

        var update = await portal.PostAsync(
            "resource_view_update", new JsonObject { ["id"] = viewId, ["title"] = "X" }, stranger.Token, CancellationToken);
        var delete = await portal.PostAsync(
            "resource_view_delete", new JsonObject { ["id"] = viewId }, stranger.Token, CancellationToken);
        var reorder = await portal.PostAsync(
            "resource_view_reorder",
            new JsonObject { ["id"] = resourceId, ["order"] = new JsonArray(viewId) },
            stranger.Token,
            CancellationToken);

        ApiAssert.AuthorizationError(update, $"Access denied: User {stranger.Name} not authorized to edit resource {resourceId}");
        ApiAssert.AuthorizationError(delete, $"Access denied: User {stranger.Name} not authorized to delete resource {resourceId}");
        ApiAssert.AuthorizationError(reorder, $"Access denied: User {stranger.Name} not authorized to edit resource {resourceId}");
    }

    [Fact]
    public async Task Delete_removes_view_and_returns_resource_id()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV");
        var viewId = await CreateViewAsync(portal, resourceId, "image_view", "Picture");

        var deleted = await portal.PostAsync(
            "resource_view_delete", new JsonObject { ["id"] = viewId }, admin.Token, CancellationToken);
        var again = await portal.PostAsync(
            "resource_view_delete", new JsonObject { ["id"] = viewId }, admin.Token, CancellationToken);

        ApiAssert.Status(deleted, HttpStatusCode.OK);
        Assert.Equal(resourceId, deleted.Result!["resource_id"]!.GetValue<string>());
        ApiAssert.Failure(again, HttpStatusCode.NotFound, "Not Found Error");
    }

    [Fact]
    public async Task Reorder_puts_listed_views_first()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV");
        var first = await CreateViewAsync(portal, resourceId, "image_view", "A");
        var second = await CreateViewAsync(portal, resourceId, "image_view", "B");
        var third = await CreateViewAsync(portal, resourceId, "webpage_view", "C");

        var reordered = await portal.PostAsync("resource_view_reorder", new JsonObject
        {
            ["id"] = resourceId, ["order"] = new JsonArray(third),
        }, admin.Token, CancellationToken);
        var duplicates = await portal.PostAsync("resource_view_reorder", new JsonObject
        {
            ["id"] = resourceId, ["order"] = new JsonArray(first, first),
        }, admin.Token, CancellationToken);
        var unknown = await portal.PostAsync("resource_view_reorder", new JsonObject
        {
            ["id"] = resourceId, ["order"] = new JsonArray("nope"),
        }, admin.Token, CancellationToken);
        var list = await portal.GetAsync("/api/3/action/resource_view_list?id=" + resourceId, cancellationToken: CancellationToken);

        ApiAssert.Status(reordered, HttpStatusCode.OK);
        Assert.Equal([third, first, second], reordered.Result!["order"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal([third, first, second], list.Result!.AsArray().Select(view => view!["id"]!.GetValue<string>()));
        Assert.Equal("No duplicates allowed in order", ApiAssert.ValidationError(duplicates)["order"]!.GetValue<string>());
        Assert.Equal("View nope does not exist", ApiAssert.ValidationError(unknown)["order"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clear_deletes_listed_view_types()
    {
        await using var portal = await StartAsync();
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);
        var (_, resourceId) = await CreateResourceAsync(portal, "CSV");
        await CreateViewAsync(portal, resourceId, "image_view", "Picture");
        var page = await CreateViewAsync(portal, resourceId, "webpage_view", "Page");

        var denied = await portal.PostAsync("resource_view_clear", new JsonObject(), user.Token, CancellationToken);
        var cleared = await portal.PostAsync(
            "resource_view_clear", new JsonObject { ["view_types"] = new JsonArray("image_view") }, admin.Token, CancellationToken);
        var list = await portal.GetAsync("/api/3/action/resource_view_list?id=" + resourceId, cancellationToken: CancellationToken);

        ApiAssert.Failure(denied, HttpStatusCode.Forbidden, "Authorization Error");
        ApiAssert.Status(cleared, HttpStatusCode.OK);
        Assert.Equal([page], list.Result!.AsArray().Select(view => view!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Resource_create_adds_default_views()
    {
        await using var portal = await StartAsync(new Dictionary<string, string>
        {
            ["ckan.views.default_views"] = "image_view webpage_view",
        });
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (dataset, _) = await CreateResourceAsync(portal, "CSV");

        var image = await portal.PostAsync("resource_create", new JsonObject
        {
            ["package_id"] = dataset["id"]!.DeepClone(), ["url"] = "http://example.org/map.png", ["format"] = "PNG",
        }, admin.Token, CancellationToken);
        var imageId = image.Result!["id"]!.GetValue<string>();
        var views = await portal.GetAsync("/api/3/action/resource_view_list?id=" + imageId, cancellationToken: CancellationToken);
        var csvViews = await portal.GetAsync(
            "/api/3/action/resource_view_list?id=" + dataset["resources"]![0]!["id"]!.GetValue<string>(),
            cancellationToken: CancellationToken);

        var view = Assert.Single(views.Result!.AsArray())!;
        Assert.Equal("image_view", view["view_type"]!.GetValue<string>());
        Assert.Equal("Image", view["title"]!.GetValue<string>());
        Assert.Empty(csvViews.Result!.AsArray());
    }

    [Fact]
    public async Task Default_views_are_created_once_by_the_actions()
    {
        await using var portal = await StartAsync(new Dictionary<string, string>
        {
            ["ckan.views.default_views"] = "webpage_view",
        });
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        var (dataset, resourceId) = await CreateResourceAsync(portal, "HTML");

        var forPackage = await portal.PostAsync(
            "package_create_default_resource_views",
            new JsonObject { ["package"] = dataset.DeepClone() },
            admin.Token,
            CancellationToken);
        var forResource = await portal.PostAsync(
            "resource_create_default_resource_views",
            new JsonObject { ["resource"] = dataset["resources"]![0]!.DeepClone() },
            admin.Token,
            CancellationToken);
        var list = await portal.GetAsync("/api/3/action/resource_view_list?id=" + resourceId, cancellationToken: CancellationToken);

        ApiAssert.Status(forPackage, HttpStatusCode.OK);
        Assert.Empty(forPackage.Result!.AsArray());
        ApiAssert.Status(forResource, HttpStatusCode.OK);
        Assert.Empty(forResource.Result!.AsArray());
        Assert.Equal("webpage_view", Assert.Single(list.Result!.AsArray())!["view_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Empty_default_views_option_creates_none()
    {
        await using var portal = await StartAsync(new Dictionary<string, string> { ["ckan.views.default_views"] = "" });
        var (_, resourceId) = await CreateResourceAsync(portal, "PNG");

        var list = await portal.GetAsync("/api/3/action/resource_view_list?id=" + resourceId, cancellationToken: CancellationToken);

        Assert.Empty(list.Result!.AsArray());
    }

    [Fact]
    public async Task Unset_default_views_option_uses_image_view()
    {
        await using var portal = await StartAsync();
        var (_, resourceId) = await CreateResourceAsync(portal, "PNG");

        var list = await portal.GetAsync("/api/3/action/resource_view_list?id=" + resourceId, cancellationToken: CancellationToken);

        Assert.Equal("image_view", Assert.Single(list.Result!.AsArray())!["view_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task View_page_draws_image_of_resource()
    {
        await using var portal = await StartAsync();
        var (dataset, resourceId) = await CreateResourceAsync(portal, "PNG");
        var list = await portal.GetAsync("/api/3/action/resource_view_list?id=" + resourceId, cancellationToken: CancellationToken);
        var viewId = list.Result![0]!["id"]!.GetValue<string>();

        var page = await portal.Client.GetStringAsync(
            $"/dataset/{dataset["name"]}/resource/{resourceId}/view/{viewId}", CancellationToken);
        var resourcePage = await portal.Client.GetStringAsync(
            $"/dataset/{dataset["name"]}/resource/{resourceId}", CancellationToken);

        Assert.Contains("<img class=\"resource-view-image\" src=\"http://example.org/file.png\"", page, StringComparison.Ordinal);
        Assert.Contains($"/resource/{resourceId}/view/{viewId}", resourcePage, StringComparison.Ordinal);
    }

    private static Task<TestPortal> StartAsync(IReadOnlyDictionary<string, string>? options = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["ckan.plugins"] = Plugins };
        foreach (var (key, value) in options ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return TestPortal.StartAsync(settings, CancellationToken);
    }

    private static async Task<(JsonObject Dataset, string ResourceId)> CreateResourceAsync(
        TestPortal portal,
        string format,
        string? organization = null)
    {
        organization ??= await portal.CreateOrganizationAsync(CancellationToken);
        var extension = format.ToLowerInvariant();
        var dataset = await portal.CreateDatasetAsync(new JsonObject
        {
            ["owner_org"] = organization,
            ["resources"] = new JsonArray(
                new JsonObject { ["url"] = $"http://example.org/file.{extension}", ["format"] = format }),
        }, CancellationToken);
        return (dataset, dataset["resources"]![0]!["id"]!.GetValue<string>());
    }

    private static async Task<string> CreateViewAsync(
        TestPortal portal,
        string resourceId,
        string viewType,
        string title,
        string? imageUrl = null)
    {
        var data = new JsonObject { ["resource_id"] = resourceId, ["view_type"] = viewType, ["title"] = title };
        if (imageUrl is not null)
        {
            data["image_url"] = imageUrl;
        }

        var view = await portal.ArrangeAsync("resource_view_create", data, CancellationToken);
        return view!["id"]!.GetValue<string>();
    }
}
