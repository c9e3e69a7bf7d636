using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ckan.Web.UiTests.Support;

/// <summary>Logs a user in through the login form of a browser page.</summary>
public static class BrowserLogin
{
    /// <summary>Fills and sends the login form, then waits for the user's profile page.</summary>
    public static async Task LogInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/user/login");
        await page.FillAsync("#login", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");

        await Expect(page).ToHaveURLAsync(new Regex("/user/" + user + "$"));
    }
}
