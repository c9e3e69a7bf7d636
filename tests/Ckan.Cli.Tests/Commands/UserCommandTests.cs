using Ckan.Core.Security;

namespace Ckan.Cli.Tests.Commands;

public sealed class UserCommandTests : IDisposable
{
    private readonly CliSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task User_add_creates_user_with_fields()
    {
        var run = await _site.RunAsync(
            "user", "add", "hana", "email=hana@example.org", "password=long-enough", "fullname=Hana Ito");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Successfully created user: hana"], run.OutputLines);
        var user = await _site.GetUserAsync("hana", TestContext.Current.CancellationToken);
        Assert.NotNull(user);
        Assert.Equal("Hana Ito", user.Fullname);
        Assert.False(user.Sysadmin);
        Assert.True(PasswordHasher.Verify("long-enough", user.Password));
    }

    [Fact]
    public async Task User_add_with_bad_email_fails_naming_field()
    {
        var run = await _site.RunAsync("user", "add", "ivan", "email=not-an-address", "password=long-enough");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.OutputLines);
        Assert.Equal(
            ["Error: Could not create user \"ivan\". email: Email not-an-address is not a valid format."],
            run.ErrorLines);
        Assert.Null(await _site.GetUserAsync("ivan", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task User_add_lists_every_invalid_field()
    {
        var run = await _site.RunAsync("user", "add", "Bad Name", "email=x@example.org", "password=short");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.Contains(" name: ", error, StringComparison.Ordinal);
        Assert.Contains(" password: Your password must be 8 characters or longer.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_with_malformed_arg_fails()
    {
        var run = await _site.RunAsync("user", "add", "jade", "email=jade@example.org", "fullname");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: Could not parse arg: \"fullname\".", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_without_password_fails_naming_field()
    {
        Assert.SkipUnless(Console.IsInputRedirected, "Standard input is a terminal, so the command would prompt.");

        var run = await _site.RunAsync("user", "add", "kim", "email=kim@example.org");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["Error: Missing password for user \"kim\". Add password=PASSWORD to the command, "
                + "or run it in a terminal to be asked."],
            run.ErrorLines);
    }

    [Fact]
    public async Task User_list_prints_names_and_display_names()
    {
        await _site.AddUserAsync("lena");
        await _site.RunAsync("user", "add", "mo", "email=mo@example.org", "password=long-enough", "fullname=Mo Farah");

        var run = await _site.RunAsync("user", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Users:", run.OutputLines[0]);
        Assert.Equal("count = 2", run.OutputLines[1]);
        Assert.Equal(["name=lena", "name=mo display=Mo Farah"], run.OutputLines.Skip(2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task User_show_prints_fields_without_password_hash()
    {
        await _site.AddUserAsync("nora");
        var user = await _site.GetUserAsync("nora", TestContext.Current.CancellationToken);

        var run = await _site.RunAsync("user", "show", "nora");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.OutputLines);
        Assert.StartsWith(
            $"User: <User id={user?.Id} name=nora fullname=None email=nora@example.org ",
            line,
            StringComparison.Ordinal);
        Assert.Contains(" sysadmin=False state=active ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_show_of_unknown_user_fails()
    {
        var run = await _site.RunAsync("user", "show", "nobody");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error: User \"nobody\" not found.", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_remove_marks_user_deleted()
    {
        await _site.AddUserAsync("omar");

        var run = await _site.RunAsync("user", "remove", "omar");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Deleted user: omar"], run.OutputLines);
        var user = await _site.GetUserAsync("omar", TestContext.Current.CancellationToken);
        Assert.Equal("deleted", user?.State);
    }

    [Fact]
    public async Task User_remove_of_unknown_user_fails()
    {
        var run = await _site.RunAsync("user", "remove", "nobody");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Error: User \"nobody\" was not found."], run.ErrorLines);
    }

    [Fact]
    public async Task User_setpass_changes_password()
    {
        await _site.AddUserAsync("pia");

        var run = await _site.RunAsync("user", "setpass", "pia", "-p", "brand-new-pass");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Editing user: pia", "Password updated!"], run.OutputLines);
        var user = await _site.GetUserAsync("pia", TestContext.Current.CancellationToken);
        Assert.True(PasswordHasher.Verify("brand-new-pass", user?.Password));
        Assert.False(PasswordHasher.Verify("correct-horse", user?.Password));
        Assert.Equal("pia@example.org", user?.Email);
    }

    [Fact]
    public async Task User_setpass_unknown_user_fails()
    {
        var run = await _site.RunAsync("user", "setpass", "nobody", "--password", "brand-new-pass");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["User not found!"], run.ErrorLines);
    }

    [Fact]
    public async Task User_setpass_with_short_password_keeps_old_one()
    {
        await _site.AddUserAsync("quinn");

        var run = await _site.RunAsync("user", "setpass", "quinn", "-p", "short");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["Error: Could not update user \"quinn\". password: Your password must be 8 characters or longer."],
            run.ErrorLines);
        var user = await _site.GetUserAsync("quinn", TestContext.Current.CancellationToken);
        Assert.True(PasswordHasher.Verify("correct-horse", user?.Password));
    }

    [Fact]
    public async Task Verbose_failure_includes_stack_trace()
    {
        var run = await _site.RunAsync("--verbose", "user", "add", "rita", "fullname");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Could not parse arg", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(run.ErrorLines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
