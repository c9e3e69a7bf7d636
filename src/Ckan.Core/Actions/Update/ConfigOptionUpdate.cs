using System.Text.Json.Nodes;
using Ckan.Core.Actions.Get;
using Ckan.Core.Config;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Core.Actions.Update;

/// <summary>config_option_update: sysadmins change runtime-editable config options.</summary>
public static class ConfigOptionUpdate
{
    /// <summary>Adds the action to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry.Add("config_option_update", UpdateAsync);

    /// <summary>
    /// config_option_update: saves each given option in the system_info table, where it takes precedence
    /// over the ini file, and returns the options set. Parameters: any keys of config_option_list, such as
    /// <c>ckan.site_title</c>, <c>ckan.site_description</c>, <c>ckan.site_intro_text</c>,
    /// <c>ckan.site_about</c> and <c>ckan.site_logo</c>. Raises a validation error naming the keys that
    /// cannot be changed.
    /// </summary>
    public static async Task<ActionResult> UpdateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        ConfigOptionGet.RequireSysadmin(context, "config_option_update");
        var unsupported = data.Select(pair => pair.Key).Where(key => !RuntimeConfig.IsEditable(key)).ToList();
        if (unsupported.Count > 0)
        {
            // CKAN 2.11's message, word for word, because API clients match on it.
            var keys = string.Join(' ', unsupported);
            throw new ValidationException(new JsonObject { ["message"] = $"Configuration option(s) '{keys}' can not be updated" });
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, node) in data)
        {
            values[key] = DataDict.AsString(node) ?? "";
        }

        // NOTE: a saved ckan.site_url is stored and shown, but links keep using the ini file's site URL.
        await context.Services.RuntimeConfig.SaveAsync(values, cancellationToken);
        var result = new JsonObject();
        foreach (var (key, value) in values)
        {
            result[key] = value;
        }

        return result;
    }
}
