using System.Text.Json.Nodes;
using Ckan.Migration.Source;

namespace Ckan.Migration.Importers;

/// <summary>
/// Copies datasets with their ids, resources and extras, page by page through the source's package_search
/// (private ones and drafts too when the token allows), then the files of uploaded resources. Datasets the
/// state file shows as copied since their last change on the source are skipped.
/// </summary>
public sealed class DatasetImporter(
    SourcePortal source,
    LocalCatalog local,
    ResourceFileCopier files,
    MigrationState state,
    MigrationReport report)
{
    private const string Kind = "datasets";
    private const int PageSize = 500;

    private readonly List<string> _copiedIds = [];

    /// <summary>The ids of the datasets this run created or updated with all their files, in copy order.</summary>
    public IReadOnlyList<string> CopiedIds => _copiedIds;

    public async Task RunAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        var start = 0;
        while (true)
        {
            // Sorted by name, which is unique, so pages stay stable while the source gains datasets.
            var page = await source.CallAsync(
                "package_search",
                new JsonObject
                {
                    ["q"] = "*:*",
                    ["sort"] = "name asc",
                    ["rows"] = PageSize,
                    ["start"] = start,
                    ["include_private"] = true,
                    ["include_drafts"] = true,
                },
                cancellationToken) as JsonObject ?? [];
            var total = page["count"]?.GetValue<int>() ?? 0;
            var results = page["results"] as JsonArray ?? [];
            foreach (var dataset in results.OfType<JsonObject>())
            {
                await CopyAsync(dataset, cancellationToken);
                progress?.Report(new MigrationProgress(Kind, ++done, total));
            }

            await state.SaveAsync(cancellationToken);
            start += results.Count;
            if (results.Count < PageSize || start >= total)
            {
                return;
            }
        }
    }

    private async Task CopyAsync(JsonObject dataset, CancellationToken cancellationToken)
    {
        var id = dataset["id"]?.ToString() ?? "";
        var name = dataset["name"]?.ToString() ?? id;
        var modified = dataset["metadata_modified"]?.ToString() ?? "";
        if (state.IsCopied(id, modified))
        {
            report.Unchanged(Kind);
            return;
        }

        try
        {
            var data = dataset.DeepClone().AsObject();
            var existing = await local.TryShowAsync("package_show", new JsonObject { ["id"] = id }, cancellationToken);
            if (existing is null)
            {
                await local.CallAsync("package_create", data, cancellationToken);
                report.Created(Kind);
            }
            else
            {
                await local.CallAsync("package_update", data, cancellationToken);
                report.Updated(Kind);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            report.Failed(Kind, name, LocalCatalog.Describe(error));
            return;
        }

        // A dataset whose files did not all arrive is copied again by the next run.
        if (await files.CopyAsync(dataset, cancellationToken))
        {
            state.MarkCopied(id, modified);
            _copiedIds.Add(id);
        }
    }
}
