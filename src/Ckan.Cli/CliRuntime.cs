using System.CommandLine;
using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Config;
using Ckan.Core.Search;
using Ckan.Search.Lucene;
using Ckan.Storage;

namespace Ckan.Cli;

/// <summary>
/// What a command needs at run time: the effective configuration and, on demand, the catalog with its
/// schema upgraded. Errors that a user can fix are reported as one line with exit code 1.
/// </summary>
public sealed class CliRuntime
{
    private CliRuntime(CkanConfig config)
    {
        Config = config;
    }

    public CkanConfig Config { get; }

    /// <summary>Loads the configuration named by <c>-c</c>, $CKAN_INI, ./ckan.ini or the embedded default.</summary>
    public static CliRuntime Load(ParseResult parseResult)
    {
        var environment = ConfigLoader.ProcessEnvironment();
        var path = ConfigLoader.Locate(
            parseResult.GetValue<string?>(CkanCommandLine.ConfigOptionName), environment, Directory.GetCurrentDirectory());
        var config = path is null
            ? ConfigLoader.LoadEmbeddedDefault(environment)
            : ConfigLoader.Load(path, environment);
        return new CliRuntime(config);
    }

    /// <summary>Opens the catalog, applying pending migrations, and returns the services on it.</summary>
    public async Task<CkanServices> OpenCatalogAsync(CancellationToken cancellationToken)
    {
        Config.Validate();
        var (store, migrator) = CatalogStoreFactory.Create(Config);
        await migrator.UpgradeAsync(cancellationToken);

        // Opened on first use, so commands that never touch datasets run beside a portal holding the index.
        var indexPath = SearchIndexLocation.Resolve(Config);
        return new CkanServices(Config, store, new LazySearchIndex(() => new LuceneSearchIndex(indexPath)));
    }

    /// <summary>Returns the catalog migrator without running it.</summary>
    public ICatalogMigrator OpenMigrator()
    {
        Config.Validate();
        return CatalogStoreFactory.Create(Config).Migrator;
    }

    /// <summary>
    /// Runs a command body, turning the errors a user can act on into one line on standard error and
    /// exit code 1; with <c>--verbose</c> the whole exception is printed.
    /// </summary>
    public static async Task<int> GuardAsync(ParseResult parseResult, CommandIo io, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ConfigException error)
        {
            await io.Error.WriteLineAsync("ERROR: " + error.Message);
            return 1;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var verbose = parseResult.GetValue<bool>(CkanCommandLine.VerboseOptionName);
            await io.Error.WriteLineAsync("Error: " + (verbose ? error.ToString() : error.Message));
            return 1;
        }
    }
}
