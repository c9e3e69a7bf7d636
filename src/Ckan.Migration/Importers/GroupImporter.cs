using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Migration.Source;

namespace Ckan.Migration.Importers;

/// <summary>
/// Copies organizations or groups with their ids, names, titles, descriptions, images and extras, then the
/// memberships of users that exist here with the same capacity.
/// </summary>
public sealed class GroupImporter(SourcePortal source, LocalCatalog local, MigrationReport report, GroupKind kind)
{
    private const int PageSize = 1000;

    // Keys of a show result that describe state computed by the portal, not what a publisher wrote.
    private static readonly string[] ComputedKeys =
        ["users", "packages", "package_count", "num_followers", "display_name", "member_count", "tags", "groups"];

    private string Kind => kind.Plural;

    private string Prefix => kind.Word;

    public async Task RunAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var names = await ListNamesAsync(cancellationToken);
        var done = 0;
        foreach (var name in names)
        {
            await CopyAsync(name, cancellationToken);
            progress?.Report(new MigrationProgress(Kind, ++done, names.Count));
        }
    }

    private async Task<List<string>> ListNamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        while (true)
        {
            var page = await source.CallAsync(
                Prefix + "_list",
                new JsonObject { ["limit"] = PageSize, ["offset"] = names.Count, ["sort"] = "name asc" },
                cancellationToken) as JsonArray ?? [];
            names.AddRange(page.Select(item => item?.ToString() ?? "").Where(item => item.Length > 0));
            if (page.Count < PageSize)
            {
                return names;
            }
        }
    }

    private async Task CopyAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var sourceGroup = await source.CallAsync(
                Prefix + "_show",
                new JsonObject { ["id"] = name, ["include_users"] = true, ["include_datasets"] = false },
                cancellationToken) as JsonObject ?? [];
            var data = sourceGroup.DeepClone().AsObject();
            foreach (var key in ComputedKeys)
            {
                data.Remove(key);
            }

            var existing = await local.TryShowAsync(Prefix + "_show",
                new JsonObject { ["id"] = data["id"]?.DeepClone(), ["include_datasets"] = false }, cancellationToken);
            if (existing is null)
            {
                await local.CallAsync(Prefix + "_create", data, cancellationToken);
                report.Created(Kind);
            }
            else
            {
                await local.CallAsync(Prefix + "_patch", data, cancellationToken);
                report.Updated(Kind);
            }

            await CopyMembersAsync(name, sourceGroup["users"] as JsonArray ?? [], cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            report.Failed(Kind, name, error is SourceCallException ? error.Message : LocalCatalog.Describe(error));
        }
    }

    // Members whose user was not copied (no token, or a failure) are left out; the user step reports those.
    private async Task CopyMembersAsync(string name, JsonArray users, CancellationToken cancellationToken)
    {
        foreach (var user in users.OfType<JsonObject>())
        {
            var userName = user["name"]?.ToString();
            if (userName is null
                || await local.TryShowAsync("user_show", new JsonObject { ["id"] = userName }, cancellationToken) is null)
            {
                continue;
            }

            await local.CallAsync(
                Prefix + "_member_create",
                new JsonObject
                {
                    ["id"] = name,
                    ["username"] = userName,
                    ["role"] = user["capacity"]?.ToString() ?? "member",
                },
                cancellationToken);
        }
    }
}
