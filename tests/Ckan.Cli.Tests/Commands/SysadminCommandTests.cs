using Ckan.Core.Security;

namespace Ckan.Cli.Tests.Commands;

public sealed class SysadminCommandTests : IDisposable
{
    private readonly CliSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Sysadmin_add_creates_missing_user_with_password()
    {
        RequireRedirectedInput();

        var run = await _site.RunAsync("sysadmin", "add", "alice", "email=alice@example.org", "password=s3cret-pass");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["User \"alice\" not found", "Successfully created user: alice", "Added alice as sysadmin"],
            run.OutputLines);
        var user = await _site.GetUserAsync("alice", TestContext.Current.CancellationToken);
        Assert.NotNull(user);
        Assert.True(user.Sysadmin);
        Assert.Equal("alice@example.org", user.Email);
        Assert.True(PasswordHasher.Verify("s3cret-pass", user.Password));
    }

    [Fact]
    public async Task Sysadmin_add_promotes_existing_user()
    {
        await _site.AddUserAsync("bob");

        var run = await _site.RunAsync("sysadmin", "add", "bob");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Added bob as sysadmin"], run.OutputLines);
        var user = await _site.GetUserAsync("bob", TestContext.Current.CancellationToken);
        Assert.True(user?.Sysadmin);
        Assert.True(PasswordHasher.Verify("correct-horse", user?.Password));
    }

    [Fact]
    public async Task Sysadmin_add_without_email_fails_naming_field()
    {
        RequireRedirectedInput();

        var run = await _site.RunAsync("sysadmin", "add", "carol", "password=s3cret-pass");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: Missing email for user \"carol\".", error, StringComparison.Ordinal);
        Assert.Contains("email=ADDRESS", error, StringComparison.Ordinal);
        Assert.Null(await _site.GetUserAsync("carol", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sysadmin_add_with_malformed_field_fails_before_creating()
    {
        await _site.RunAsync("db", "init");

        var run = await _site.RunAsync("sysadmin", "add", "dave", "email");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: Could not parse arg: \"email\".", error, StringComparison.Ordinal);
        Assert.Null(await _site.GetUserAsync("dave", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sysadmin_list_prints_count_and_each_sysadmin()
    {
        await _site.AddUserAsync("erin");
        await _site.AddUserAsync("frank");
        await _site.RunAsync("sysadmin", "add", "erin");
        var erin = await _site.GetUserAsync("erin", TestContext.Current.CancellationToken);

        var run = await _site.RunAsync("sysadmin", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["Sysadmins:", "count = 1", $"User name=erin email=erin@example.org id={erin?.Id}"],
            run.OutputLines);
    }

    [Fact]
    public async Task Sysadmin_without_subcommand_lists_sysadmins()
    {
        var run = await _site.RunAsync("sysadmin");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Sysadmins:", "count = 0"], run.OutputLines);
    }

    [Fact]
    public async Task Sysadmin_remove_takes_rights_away()
    {
        await _site.AddUserAsync("grace");
        await _site.RunAsync("sysadmin", "add", "grace");

        var run = await _site.RunAsync("sysadmin", "remove", "grace");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Removed grace from sysadmins"], run.OutputLines);
        var user = await _site.GetUserAsync("grace", TestContext.Current.CancellationToken);
        Assert.False(user?.Sysadmin);
    }

    [Fact]
    public async Task Sysadmin_remove_unknown_user_exits_zero()
    {
        var run = await _site.RunAsync("sysadmin", "remove", "nobody");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Error: user \"nobody\" not found!"], run.ErrorLines);
        Assert.Empty(run.OutputLines);
    }

    // On a terminal these commands ask questions, which a test cannot answer.
    private static void RequireRedirectedInput() =>
        Assert.SkipUnless(Console.IsInputRedirected, "Standard input is a terminal, so the command would prompt.");
}
