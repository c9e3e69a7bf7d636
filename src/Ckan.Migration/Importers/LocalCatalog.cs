using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;

namespace Ckan.Migration.Importers;

/// <summary>
/// The portal being migrated into, written through its own actions as the site user (authorization skipped),
/// so the migrated objects pass the same validation as any other write.
/// </summary>
public sealed class LocalCatalog(CkanServices services)
{
    public CkanServices Services { get; } = services;

    /// <summary>Runs an action and returns its result.</summary>
    public Task<JsonNode?> CallAsync(string action, JsonObject data, CancellationToken cancellationToken) =>
        Services.CallAsSiteAsync(action, data, cancellationToken);

    /// <summary>Runs a show action, returning null when the object does not exist.</summary>
    public async Task<JsonObject?> TryShowAsync(string action, JsonObject data, CancellationToken cancellationToken)
    {
        try
        {
            return (await CallAsync(action, data, cancellationToken)) as JsonObject;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>Describes an action's failure in one line for the migration report.</summary>
    public static string Describe(Exception error) => error switch
    {
        ValidationException validation => "Validation error: " + validation.Errors.ToJsonString(),
        NotFoundException notFound => "Not found: " + (notFound.Detail ?? notFound.Message),
        _ => error.Message,
    };
}
