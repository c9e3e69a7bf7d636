using System.Net;
using System.Text.Json.Nodes;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

public sealed class ConfigOptionActionsTests
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_saves_options_shown_by_status_and_show()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var update = await portal.PostAsync(
            "config_option_update",
            new JsonObject { ["ckan.site_title"] = "Harbour Data", ["ckan.site_about"] = "Run by the *board*." },
            admin.Token,
            CancellationToken);
        var show = await portal.PostAsync(
            "config_option_show", new JsonObject { ["key"] = "ckan.site_title" }, admin.Token, CancellationToken);
        var status = await portal.GetAsync("/api/3/action/status_show", cancellationToken: CancellationToken);

        ApiAssert.Status(update, HttpStatusCode.OK);
        Assert.Equal("Harbour Data", update.Result!["ckan.site_title"]!.GetValue<string>());
        Assert.Equal("Run by the *board*.", update.Result!["ckan.site_about"]!.GetValue<string>());
        Assert.Equal("Harbour Data", show.Result!.GetValue<string>());
        Assert.Equal("Harbour Data", status.Result!["site_title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Saved_options_survive_a_new_services_instance()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);
        await portal.PostAsync(
            "config_option_update", new JsonObject { ["ckan.site_intro_text"] = "Welcome" }, admin.Token, CancellationToken);

        var fresh = new Ckan.Core.Config.RuntimeConfig(portal.Services.Config, portal.Services.Store);

        Assert.Equal("Welcome", await fresh.GetAsync("ckan.site_intro_text", CancellationToken));
    }

    [Fact]
    public async Task Show_falls_back_to_config_file()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var show = await portal.PostAsync(
            "config_option_show", new JsonObject { ["key"] = "ckan.site_url" }, admin.Token, CancellationToken);

        Assert.Equal(TestPortal.SiteUrl, show.Result!.GetValue<string>());
    }

    [Fact]
    public async Task Update_rejects_keys_that_are_not_runtime_editable()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "config_option_update",
            new JsonObject { ["ckan.site_title"] = "Kept out", ["sqlalchemy.url"] = "sqlite:///elsewhere.db" },
            admin.Token,
            CancellationToken);
        var show = await portal.PostAsync(
            "config_option_show", new JsonObject { ["key"] = "ckan.site_title" }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        Assert.Equal("Configuration option(s) 'sqlalchemy.url' can not be updated", error["message"]!.GetValue<string>());
        Assert.NotEqual("Kept out", show.Result?.GetValue<string>());
    }

    [Fact]
    public async Task Show_rejects_key_that_is_not_runtime_editable()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var admin = await portal.CreateUserAsync(sysadmin: true, CancellationToken);

        var response = await portal.PostAsync(
            "config_option_show", new JsonObject { ["key"] = "SECRET_KEY" }, admin.Token, CancellationToken);

        var error = ApiAssert.ValidationError(response);
        Assert.Equal("Configuration option 'SECRET_KEY' can not be shown", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Options_are_sysadmin_only()
    {
        await using var portal = await TestPortal.StartAsync(cancellationToken: CancellationToken);
        var user = await portal.CreateUserAsync(cancellationToken: CancellationToken);

        var update = await portal.PostAsync(
            "config_option_update", new JsonObject { ["ckan.site_title"] = "Taken" }, user.Token, CancellationToken);
        var show = await portal.PostAsync(
            "config_option_show", new JsonObject { ["key"] = "ckan.site_title" }, cancellationToken: CancellationToken);
        var list = await portal.PostAsync("config_option_list", [], user.Token, CancellationToken);

        ApiAssert.Status(update, HttpStatusCode.Forbidden);
        ApiAssert.Status(show, HttpStatusCode.Forbidden);
        ApiAssert.Status(list, HttpStatusCode.Forbidden);
        var status = await portal.GetAsync("/api/3/action/status_show", cancellationToken: CancellationToken);
        Assert.NotEqual("Taken", status.Result!["site_title"]!.GetValue<string>());
    }
}
