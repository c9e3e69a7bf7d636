using System.Text.Json.Nodes;

namespace Ckan.Cli.Commands;

/// <summary>
/// Parses the <c>FIELD=VALUE</c> arguments of the user, sysadmin and token commands into an action's
/// input dictionary, with every value as a string, as CKAN passes them.
/// </summary>
internal static class FieldArguments
{
    /// <summary>Returns the fields in a new dictionary. A later argument for a field replaces an earlier one.</summary>
    /// <exception cref="CommandFailedException">An argument has no <c>=</c> or nothing before it.</exception>
    public static JsonObject Parse(IEnumerable<string> arguments)
    {
        var data = new JsonObject();
        foreach (var argument in arguments)
        {
            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new CommandFailedException(
                    $"Could not parse arg: \"{argument}\". Give each field as FIELD=VALUE, "
                    + "for example email=user@example.org.");
            }

            data[argument[..separator]] = argument[(separator + 1)..];
        }

        return data;
    }
}
