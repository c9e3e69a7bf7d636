using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ckan.Migration.Source;

namespace Ckan.Migration.Importers;

/// <summary>
/// Copies active users with their ids, names, e-mail addresses, full names and sysadmin flags. Password hashes
/// never leave a CKAN portal through its API, so each new user gets a random password: people reset theirs,
/// or the operator restores the source's user table as the operations guide describes.
/// </summary>
public sealed class UserImporter(SourcePortal source, LocalCatalog local, MigrationReport report)
{
    private const string Kind = "users";

    public async Task RunAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        if (!source.HasToken)
        {
            report.Note("Users were not copied: the source shows e-mail addresses only to sysadmins; "
                + "pass a sysadmin's API token to copy them.");
            return;
        }

        var users = (await source.CallAsync("user_list", new JsonObject { ["all_fields"] = true }, cancellationToken))
            as JsonArray ?? [];
        var done = 0;
        foreach (var user in users.OfType<JsonObject>())
        {
            await CopyAsync(user, cancellationToken);
            progress?.Report(new MigrationProgress(Kind, ++done, users.Count));
        }
    }

    private async Task CopyAsync(JsonObject user, CancellationToken cancellationToken)
    {
        var name = user["name"]?.ToString() ?? "";
        if (user["email"] is null)
        {
            report.Failed(Kind, name, "the source did not show the e-mail address; is the token a sysadmin's?");
            return;
        }

        var existing = await local.TryShowAsync("user_show", new JsonObject { ["id"] = user["id"]?.DeepClone() },
            cancellationToken)
            ?? await local.TryShowAsync("user_show", new JsonObject { ["id"] = name }, cancellationToken);
        if (existing is not null)
        {
            report.Unchanged(Kind);
            return;
        }

        var data = new JsonObject
        {
            ["id"] = user["id"]?.DeepClone(),
            ["name"] = name,
            ["email"] = user["email"]?.DeepClone(),
            ["fullname"] = user["fullname"]?.DeepClone(),
            ["about"] = user["about"]?.DeepClone(),
            ["image_url"] = user["image_url"]?.DeepClone(),
            ["sysadmin"] = user["sysadmin"]?.GetValue<bool>() == true,
            ["password"] = RandomPassword(),
        };
        try
        {
            await local.CallAsync("user_create", data, cancellationToken);
            report.Created(Kind);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            report.Failed(Kind, name, LocalCatalog.Describe(error));
        }
    }

    private static string RandomPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
