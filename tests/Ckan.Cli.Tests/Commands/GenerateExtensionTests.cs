using System.Diagnostics;
using System.Net;
using Ckan.Web.Tests.Support;

namespace Ckan.Cli.Tests.Commands;

/// <summary>
/// <c>ckan generate extension</c>: the generated project builds against this portal, and a portal that loads it
/// from a plugins folder serves its action and page.
/// </summary>
public sealed class GenerateExtensionTests
{
    [Fact]
    public async Task Generated_extension_builds_and_serves()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        // Outside the repository, so the generated project does not inherit its build settings.
        var output = Directory.CreateTempSubdirectory("ckan-extension-").FullName;
        try
        {
            var generate = await CliSite.RunWithoutConfigAsync("generate", "extension", "hello_portal", "-o", output);
            Assert.True(generate.ExitCode == 0, generate.Error);
            var project = Path.Combine(output, "ckanext-hello_portal");
            var build = await BuildAsync(project, cancellationToken);
            Assert.True(build.ExitCode == 0, build.Output);

            await using var portal = await TestPortal.StartAsync(
                new Dictionary<string, string>
                {
                    ["ckan.plugins"] = "hello_portal",
                    ["ckan.plugins_folder"] = Path.Combine(project, "bin", "Debug", "net10.0"),
                },
                cancellationToken);
            var action = await portal.GetAsync("/api/3/action/hello_portal_hello", cancellationToken: cancellationToken);
            var page = await portal.Client.GetAsync(new Uri("/hello_portal", UriKind.Relative), cancellationToken);

            Assert.Equal(HttpStatusCode.OK, action.Status);
            Assert.Equal("Hello from hello_portal", action.Result!["message"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Hello from hello_portal", await page.Content.ReadAsStringAsync(cancellationToken),
                StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [InlineData("Hello")]
    [InlineData("1st")]
    [InlineData("../escape")]
    [InlineData("with-dash")]
    public async Task Invalid_name_is_rejected(string name)
    {
        var run = await CliSite.RunWithoutConfigAsync("generate", "extension", name, "-o", Path.GetTempPath());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Invalid extension name", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Existing_folder_is_left_alone()
    {
        var output = Directory.CreateTempSubdirectory("ckan-extension-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(output, "ckanext-taken"));

            var run = await CliSite.RunWithoutConfigAsync("generate", "extension", "taken", "-o", output);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("already exists", run.Error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(output, "ckanext-taken")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string project, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", project, "--nologo", "-v", "quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
