using System.Globalization;
using Ckan.Core.Config;
using Ckan.Core.Model;
using Ckan.Storage;

namespace Ckan.Cli.Tests;

/// <summary>
/// A temporary folder with a ckan.ini for one test, whose SQLite catalog is created by the first command that
/// opens it. Commands run in process through <see cref="CkanCommandLine.InvokeAsync"/>.
/// </summary>
public sealed class CliSite : IDisposable
{
    public const string SecretKey = "cli-test-secret-key-0123456789abcdef";

    public CliSite()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ckan-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        ConfigPath = Path.Combine(Directory, "ckan.ini");
        File.WriteAllText(ConfigPath, string.Create(CultureInfo.InvariantCulture, $"""
            [app:main]
            sqlalchemy.url = sqlite:///{Path.Combine(Directory, "ckan.db")}
            ckan.site_url = http://ckan.test
            SECRET_KEY = {SecretKey}

            """));
    }

    public string Directory { get; }

    public string ConfigPath { get; }

    /// <summary>Runs <c>ckan -c CONFIG ARGS</c> and returns its exit code and output.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithoutConfigAsync(["-c", ConfigPath, .. args]);

    /// <summary>Runs <c>ckan ARGS</c> as given, without adding <c>-c</c>.</summary>
    public static async Task<CliRun> RunWithoutConfigAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await CkanCommandLine.InvokeAsync(args, output, error);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Loads the site's ini file without environment overrides.</summary>
    public CkanConfig LoadConfig() => ConfigLoader.Load(ConfigPath, new Dictionary<string, string>());

    /// <summary>Reads a user row straight from the catalog, or null when there is none.</summary>
    public async Task<UserRow?> GetUserAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var (store, _) = CatalogStoreFactory.Create(LoadConfig());
        await using var session = await store.OpenSessionAsync(write: false, cancellationToken);
        return await session.GetUserAsync(nameOrId, cancellationToken);
    }

    /// <summary>Creates a user through <c>ckan user add</c> and fails the test when that fails.</summary>
    public async Task AddUserAsync(string name, string password = "correct-horse")
    {
        var run = await RunAsync("user", "add", name, $"email={name}@example.org", $"password={password}");
        Assert.True(run.ExitCode == 0, $"user add {name} failed: {run.Error}");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection can keep the database open on Windows. The folder is in the temp area.
        }
    }
}

/// <summary>The exit code and captured output of one command.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Lines(Output);

    public IReadOnlyList<string> ErrorLines => Lines(Error);

    private static string[] Lines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
