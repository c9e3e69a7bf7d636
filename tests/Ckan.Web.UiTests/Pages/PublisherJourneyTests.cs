using System.Text.RegularExpressions;
using Ckan.Web.UiTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Pages;

/// <summary>
/// A publisher's whole path through the pages in a real browser: sign up, log in, create an
/// organization and a private dataset with an uploaded CSV file, wait for its DataStore preview, find it,
/// switch to Spanish, log out and check the dataset is hidden. Screenshots of each page go to the
/// fixture's folder.
/// </summary>
public sealed class PublisherJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string CsvFile = "sp500-constituents.csv";

    private UiPortal _portal = null!;

    public async ValueTask InitializeAsync() => _portal = await UiPortal.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Publisher_registers_publishes_finds_and_hides_private_dataset()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        var user = Names.Unique("publisher");
        var organization = Names.Unique("org");
        var dataset = Names.Unique("rainfall");
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];

        await RegisterAsync(page, user);
        await LogOutAsync(page, "Log out");
        await LogInAsync(page, user);
        await CreateOrganizationAsync(page, organization);
        await CreateDatasetAsync(page, organization, dataset, word);
        await EditDatasetAsync(page, dataset);
        await FindBySearchAndFacetAsync(page, dataset, word);
        await SwitchToSpanishAsync(page);
        var resourcePath = await SeeSpanishPreviewAsync(page, dataset);
        await LogOutAsync(page, "Cerrar sesión");

        var search = await page.GotoAsync("/dataset?q=" + word);
        Assert.Equal(200, search!.Status);
        await Expect(page.Locator("#result-count")).ToHaveTextAsync(new Regex("^\\s*0 datasets found"));
        var read = await page.GotoAsync("/dataset/" + dataset);
        Assert.Equal(404, read!.Status);
        var resource = await page.GotoAsync(resourcePath);
        Assert.Equal(404, resource!.Status);
        await browser.ScreenshotAsync(page, "private-dataset-404");
    }

    [Fact]
    public async Task Api_token_shown_once_then_revoked()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        var user = Names.Unique("tokens");
        await RegisterAsync(page, user);

        await page.GotoAsync($"/user/{user}/api-tokens");
        await page.FillAsync("#token-name", "harvester");
        await page.ClickAsync("#token-create");

        await Expect(page.Locator("#new-token")).ToHaveTextAsync(new Regex("^\\S{40,}$"));
        await browser.ScreenshotAsync(page, "api-tokens");
        await page.GotoAsync($"/user/{user}/api-tokens");
        await Expect(page.Locator("#new-token")).ToHaveCountAsync(0);
        await Expect(page.Locator("td:first-child", new() { HasText = "harvester" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke harvester" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("revoked");
        await Expect(page.Locator("td:first-child", new() { HasText = "harvester" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Dataset_form_shows_validation_errors_in_spanish()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await RegisterAsync(page, Names.Unique("errors"));
        await page.GotoAsync("/es/organization/new");
        await page.FillAsync("#group-title", "Agencia del agua");
        await page.ClickAsync("#group-create");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Agencia del agua");

        await page.GotoAsync("/es/dataset/new");
        await page.FillAsync("#field-title", "Embalses");
        await page.FillAsync("#field-name", "Nombre Malo!");
        await page.ClickAsync("#dataset-next");

        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Nombre en la dirección");
        await Expect(page.Locator("#field-name-error")).ToContainTextAsync("Solo puede contener letras minúsculas");
        await Expect(page.Locator("#field-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#field-title")).ToHaveValueAsync("Embalses");
        await browser.ScreenshotAsync(page, "dataset-errors-es");
    }

    [Fact]
    public async Task Wrong_password_shows_login_error()
    {
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BaseURL = _portal.Address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/user/login");

        await page.FillAsync("#login", "nobody-here");
        await page.FillAsync("#password", "wrong password");
        await page.ClickAsync("#login-submit");

        await Expect(page.Locator("#login-error")).ToContainTextAsync("Bad user name or password");
        await Expect(page.Locator(".user-menu")).ToHaveCountAsync(0);
    }

    private async Task RegisterAsync(IPage page, string user)
    {
        await page.GotoAsync("/user/register");
        await browser.ScreenshotAsync(page, "register");
        await page.FillAsync("#name", user);
        await page.FillAsync("#fullname", "Pat Publisher");
        await page.FillAsync("#email", user + "@example.org");
        await page.FillAsync("#password1", Password);
        await page.FillAsync("#password2", Password);
        await page.ClickAsync("#register-submit");

        await Expect(page).ToHaveURLAsync(new Regex("/user/" + user + "$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pat Publisher");
        await Expect(page.Locator(".user-menu summary")).ToContainTextAsync("Pat Publisher");
    }

    private async Task LogOutAsync(IPage page, string buttonName)
    {
        await page.ClickAsync(".user-menu summary");
        await page.GetByRole(AriaRole.Button, new() { Name = buttonName }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/user/logged_out$"));
        await Expect(page.Locator(".user-menu")).ToHaveCountAsync(0);
    }

    private async Task LogInAsync(IPage page, string user)
    {
        await page.GotoAsync("/user/login");
        await browser.ScreenshotAsync(page, "login");
        await page.FillAsync("#login", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login-submit");

        await Expect(page).ToHaveURLAsync(new Regex("/user/" + user + "$"));
        await Expect(page.Locator(".user-menu summary")).ToContainTextAsync("Pat Publisher");
        await browser.ScreenshotAsync(page, "user");
    }

    private async Task CreateOrganizationAsync(IPage page, string organization)
    {
        await page.GotoAsync("/organization/new");
        await page.FillAsync("#group-title", "Weather Service " + organization);
        await page.FillAsync("#group-name", organization);
        await page.FillAsync("#group-description", "Observations from **every** station.");
        await browser.ScreenshotAsync(page, "organization-new");
        await page.ClickAsync("#group-create");

        await Expect(page).ToHaveURLAsync(new Regex("/organization/" + organization + "$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Weather Service " + organization);
        await Expect(page.Locator(".notes strong")).ToHaveTextAsync("every");
    }

    private async Task CreateDatasetAsync(IPage page, string organization, string dataset, string word)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Add dataset" }).Last.ClickAsync();
        await page.FillAsync("#field-title", "Rainfall " + word);
        await page.FillAsync("#field-name", dataset);
        await page.FillAsync("#field-notes", "Daily rainfall, *" + word + "* edition.");
        await page.FillAsync("#field-tags", "water, rain");
        await page.SelectOptionAsync("#field-license", "cc-by");
        await page.SelectOptionAsync("#field-private", "true");
        await page.FillAsync("#extra-key-0", "spatial");
        await page.FillAsync("#extra-value-0", "Coast");
        await Expect(page.Locator("#field-organization option:checked")).ToContainTextAsync(organization);
        await browser.ScreenshotAsync(page, "dataset-new");
        await page.ClickAsync("#dataset-next");

        await Expect(page).ToHaveURLAsync(new Regex("/dataset/" + dataset + "/resource/new$"));
        await page.SetInputFilesAsync("#resource-upload", Path.Combine(SharedData.RealDataFolder(), "csv", CsvFile));
        await page.FillAsync("#resource-name", "Rainfall by station");
        await page.FillAsync("#resource-description", "One row per station and day.");
        await browser.ScreenshotAsync(page, "resource-new");
        await page.ClickAsync("#resource-finish");

        await Expect(page).ToHaveURLAsync(new Regex("/dataset/" + dataset + "$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Rainfall " + word);
        await Expect(page.Locator("h1 .badge-private")).ToHaveCountAsync(1);
        await Expect(page.Locator(".badge-draft")).ToHaveCountAsync(0);
        await Expect(page.Locator(".info-table")).ToContainTextAsync("Coast");
        await browser.ScreenshotAsync(page, "dataset");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rainfall by station" }).First.ClickAsync();

        await Expect(page.Locator("#resource-download")).ToHaveAttributeAsync("href", new Regex("/download/" + CsvFile + "$"));
        await Expect(page.Locator("#preview-table tbody tr")).ToHaveCountAsync(20, new() { Timeout = 90_000 });
        await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex("Rows 1–20 of 503"));
        await Expect(page.Locator("#preview-table tbody tr").First).ToContainTextAsync("3M");
        await Expect(page.Locator("#data-dictionary")).ToContainTextAsync("GICS Sector");
        await browser.ScreenshotAsync(page, "resource");
        var download = await page.APIRequest.GetAsync(await page.Locator("#resource-download").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, download.Status);
        Assert.StartsWith("Symbol,Security,", await download.TextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit resource" }).ClickAsync();
        await Expect(page.Locator("#resource-current-file")).ToContainTextAsync(CsvFile);
        await Expect(page.Locator("#resource-url")).ToHaveValueAsync("");
        await page.FillAsync("#resource-name", "Rainfall by station and day");
        await page.ClickAsync("#resource-save");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Rainfall by station and day");
        await Expect(page.Locator("#resource-download")).ToHaveAttributeAsync("href", new Regex("/download/" + CsvFile + "$"));
    }

    private async Task EditDatasetAsync(IPage page, string dataset)
    {
        await page.GotoAsync("/dataset/" + dataset);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit dataset" }).ClickAsync();
        await Expect(page.Locator("#extra-key-0")).ToHaveValueAsync("spatial");
        await page.FillAsync("#field-version", "2.0");
        await page.ClickAsync("#dataset-save");

        await Expect(page).ToHaveURLAsync(new Regex("/dataset/" + dataset + "$"));
        await Expect(page.Locator(".info-table")).ToContainTextAsync("2.0");
        await Expect(page.Locator(".info-table")).ToContainTextAsync("Coast");
        await Expect(page.Locator(".resource-list li")).ToHaveCountAsync(1);
    }

    private async Task FindBySearchAndFacetAsync(IPage page, string dataset, string word)
    {
        await page.GotoAsync("/");
        await browser.ScreenshotAsync(page, "home");
        await page.FillAsync("#home-search", word);
        await page.PressAsync("#home-search", "Enter");

        await Expect(page.Locator("#result-count")).ToContainTextAsync("1 dataset found");
        await page.ClickAsync("a[data-facet='tags'][data-value='water']");

        await Expect(page).ToHaveURLAsync(new Regex("tags=water"));
        await Expect(page.Locator(".dataset-list a[href$='/dataset/" + dataset + "']")).ToHaveCountAsync(1);
        await page.ClickAsync("a[data-facet='res_format'][data-value='CSV']");

        await Expect(page).ToHaveURLAsync(new Regex("tags=water&res_format=CSV"));
        await Expect(page.Locator(".dataset-list a[href$='/dataset/" + dataset + "']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "search");
    }

    private async Task SwitchToSpanishAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/es/dataset\\?q=.*tags=water"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Conjuntos de datos");
        await Expect(page.Locator("#result-count")).ToContainTextAsync("1 conjunto de datos encontrado");
        await Expect(page.Locator(".main-nav a").First).ToHaveAttributeAsync("href", "/es/dataset");
        await browser.ScreenshotAsync(page, "search-es");
    }

    private async Task<string> SeeSpanishPreviewAsync(IPage page, string dataset)
    {
        await page.GotoAsync("/es/dataset/" + dataset);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rainfall by station and day" }).First.ClickAsync();

        await Expect(page.Locator("#preview-title")).ToHaveTextAsync("Vista previa de los datos");
        await Expect(page.Locator("#preview-count")).ToHaveTextAsync(new Regex("Filas 1–20 de 503"));
        await Expect(page.Locator("#dictionary-title")).ToHaveTextAsync("Diccionario de datos");
        await Expect(page.Locator("#tab-datastore")).ToHaveTextAsync("DataStore");
        return new Uri(page.Url).AbsolutePath.Replace("/es/", "/", StringComparison.Ordinal);
    }
}
