using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Search;
using Ckan.Migration.Importers;
using Ckan.Migration.Source;

namespace Ckan.Migration;

/// <summary>
/// Copies a live CKAN portal into this one through the source's Action API: users, organizations and groups
/// with their members, datasets with their resources, and uploaded files; then, given a
/// <see cref="ResourceLoadSubmitter"/>, queues DataStore loads of the copied resources, and finally brings the
/// search index in line with the catalog. Objects keep their ids, so links between them and to outside systems hold.
/// </summary>
public sealed class PortalMigration(
    CkanServices services,
    SourcePortal source,
    MigrationOptions options,
    ResourceLoadSubmitter? submitLoad = null)
{
    public async Task<MigrationReport> RunAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var report = new MigrationReport();
        var local = new LocalCatalog(services);

        // Users come first so memberships can name them; organizations before datasets that belong to them.
        await new UserImporter(source, local, report).RunAsync(progress, cancellationToken);
        await new GroupImporter(source, local, report, GroupKind.Organization).RunAsync(progress, cancellationToken);
        await new GroupImporter(source, local, report, GroupKind.Group).RunAsync(progress, cancellationToken);

        var state = MigrationState.Load(options.StatePath);
        var files = new ResourceFileCopier(source, services.ResourceFiles, options.MaxFileBytes, report);
        var datasets = new DatasetImporter(source, local, files, state, report);
        await datasets.RunAsync(progress, cancellationToken);
        if (submitLoad is not null)
        {
            await QueueLoadsAsync(local, datasets.CopiedIds, submitLoad, report, cancellationToken);
        }

        // Every write above indexed its dataset; this repairs what a crash or a concurrent writer left out.
        var check = await SearchIndexChecker.CheckAsync(services, cancellationToken);
        if (!check.IsConsistent)
        {
            await SearchIndexChecker.RepairAsync(services, check, cancellationToken);
        }

        return report;
    }

    // The source's DataStore tables are not copied, so the resources are loaded again from their files.
    private static async Task QueueLoadsAsync(
        LocalCatalog local,
        IReadOnlyList<string> datasetIds,
        ResourceLoadSubmitter submitLoad,
        MigrationReport report,
        CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var id in datasetIds)
        {
            var dataset = await local.TryShowAsync("package_show", new JsonObject { ["id"] = id }, cancellationToken);
            foreach (var resource in (dataset?["resources"] as JsonArray ?? []).OfType<JsonObject>())
            {
                try
                {
                    queued += await submitLoad(resource, cancellationToken) ? 1 : 0;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    report.Failed("DataStore loads", resource["id"]?.ToString() ?? id, LocalCatalog.Describe(error));
                }
            }
        }

        report.Note($"Queued {queued} DataStore load(s) of tabular resources for the job worker.");
    }
}
