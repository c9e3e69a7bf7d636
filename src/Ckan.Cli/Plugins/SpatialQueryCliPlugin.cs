using System.CommandLine;
using Ckan.Core.Config;
using Ckan.Core.Plugins;
using Ckan.Plugins.Spatial.Search;

namespace Ckan.Cli.Plugins;

/// <summary>
/// spatial_query with its command, <c>ckan spatial initdb</c>, which creates the package_extent table of
/// the PostGIS backend. It replaces the plugin class of the same name wherever the <c>ckan</c> command runs,
/// since that library cannot reference the command line.
/// </summary>
[CkanPlugin("spatial_query")]
public sealed class SpatialQueryCliPlugin : SpatialQueryPlugin, ICliPlugin
{
    public IEnumerable<Command> BuildCommands(CommandIo io)
    {
        var initdb = new Command(
            "initdb",
            "Create the PostGIS extension and the package_extent table in the catalog database, and record the "
            + "extent of every dataset with a spatial extra.");
        initdb.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            if (ExtentTable is not { } table)
            {
                throw new ConfigException(
                    "ckan spatial initdb needs the catalog on PostgreSQL (sqlalchemy.url = postgresql://...).");
            }

            var (recorded, skipped) = await table.InitializeAsync(cancellationToken);
            await io.Output.WriteLineAsync($"Recorded the extents of {recorded} datasets in package_extent.");
            if (skipped > 0)
            {
                await io.Error.WriteLineAsync(
                    $"Skipped {skipped} datasets whose spatial extra is not a valid GeoJSON geometry.");
            }

            return 0;
        }));

        yield return new Command("spatial", "Manage the spatial extension's PostGIS table.") { initdb };
    }
}
