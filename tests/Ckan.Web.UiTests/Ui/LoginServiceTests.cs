using Ckan.Web.Ui;

namespace Ckan.Web.UiTests.Ui;

public sealed class LoginServiceTests
{
    [Theory]
    [InlineData("/dataset?tags=water", "/dataset?tags=water")]
    [InlineData("/es/dataset/x", "/es/dataset/x")]
    [InlineData("//evil.example/x", "/home")]
    [InlineData("/\\evil.example/x", "/home")]
    [InlineData("https://evil.example/x", "/home")]
    [InlineData("javascript:alert(1)", "/home")]
    [InlineData("/a\r\nLocation: x", "/home")]
    [InlineData("", "/home")]
    [InlineData(null, "/home")]
    public void Safe_redirect_keeps_only_local_paths(string? cameFrom, string expected)
    {
        Assert.Equal(expected, LoginService.SafeRedirect(cameFrom, "/home"));
    }
}
