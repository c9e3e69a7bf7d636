using System.CommandLine;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Errors;

namespace Ckan.Cli.Commands;

/// <summary>
/// Runs actions as CKAN's site user does for the command line, with authorization checks skipped, and
/// reports their errors as readable lines.
/// </summary>
internal static class SiteActions
{
    /// <summary>Calls the named action and returns its result as a JSON tree.</summary>
    /// <exception cref="InvalidOperationException">No action is registered under the name.</exception>
    public static Task<JsonNode?> CallAsync(
        CkanServices services,
        string actionName,
        JsonObject data,
        CancellationToken cancellationToken) =>
        services.CallAsSiteAsync(actionName, data, cancellationToken);

    /// <summary>
    /// Runs a command body under <see cref="CliRuntime.GuardAsync"/>, printing validation and not-found
    /// errors of actions without CKAN's API prefixes, so each fits one line of standard error.
    /// </summary>
    public static Task<int> GuardAsync(ParseResult parseResult, CommandIo io, Func<Task<int>> body) =>
        CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            try
            {
                return await body();
            }
            catch (ValidationException error)
            {
                throw new CommandFailedException("Invalid input. " + ValidationText.Describe(error.Errors), error);
            }
            catch (NotFoundException error)
            {
                throw new CommandFailedException(error.Detail ?? error.Message, error);
            }
        });
}
