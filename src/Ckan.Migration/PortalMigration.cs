using Ckan.Core.Actions;
using Ckan.Core.Search;
using Ckan.Migration.Importers;
using Ckan.Migration.Source;

namespace Ckan.Migration;

/// <summary>
/// Copies a live CKAN portal into this one through the source's Action API: users, organizations and groups
/// with their members, datasets with their resources, and uploaded files; then brings the search index in
/// line with the catalog. Objects keep their ids, so links between them and to outside systems hold.
/// </summary>
public sealed class PortalMigration(CkanServices services, SourcePortal source, MigrationOptions options)
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
        await new DatasetImporter(source, local, files, state, report).RunAsync(progress, cancellationToken);

        // Every write above indexed its dataset; this repairs what a crash or a concurrent writer left out.
        var check = await SearchIndexChecker.CheckAsync(services, cancellationToken);
        if (!check.IsConsistent)
        {
            await SearchIndexChecker.RepairAsync(services, check, cancellationToken);
        }

        return report;
    }
}
