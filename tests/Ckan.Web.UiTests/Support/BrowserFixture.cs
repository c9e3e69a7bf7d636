using Microsoft.Playwright;

namespace Ckan.Web.UiTests.Support;

/// <summary>
/// One headless Debian Chromium driven by Playwright, shared by the browser tests of a class. Playwright
/// never downloads a browser here: it launches /usr/bin/chromium, with every host name but 127.0.0.1
/// unresolvable so the browser reaches nothing outside the test portal.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser, or null when Chromium is not installed (the tests then skip, or fail on CI).</summary>
    public IBrowser? Browser => _browser;

    /// <summary>The folder the tests write their screenshots to.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(Path.GetTempPath(), "ckan-ui-screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>Returns the browser, skipping the test when Chromium is missing outside CI.</summary>
    public IBrowser RequireBrowser()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        var message = $"Chromium is not installed at {ChromiumPath}; install it with `apt-get install -y chromium`.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return null!;
    }

    /// <summary>Saves a full-page screenshot named <paramref name="name"/>.png in <see cref="ScreenshotFolder"/>.</summary>
    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotFolder, name + ".png"),
            FullPage = true,
        });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
