using System.Text.Json.Nodes;
using Ckan.Core.Config;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Core.Actions.Get;

/// <summary>The sysadmin-only reads of runtime-editable config options: config_option_show and config_option_list.</summary>
public static class ConfigOptionGet
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .AddRead("config_option_show", ShowAsync)
        .AddRead("config_option_list", ListAsync);

    /// <summary>
    /// config_option_show: the current value of one runtime-editable option, from the system_info table
    /// or else the ini file; null when neither sets it. Parameter: <c>key</c> (for example
    /// <c>ckan.site_title</c>). Raises a validation error for a key that is not runtime-editable.
    /// </summary>
    public static async Task<ActionResult> ShowAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        RequireSysadmin(context, "config_option_show");
        var key = DataDict.Require(data, "key");
        // CKAN 2.11's message, word for word, because API clients match on it.
        if (!RuntimeConfig.IsEditable(key))
        {
            throw new ValidationException(new JsonObject { ["message"] = $"Configuration option '{key}' can not be shown" });
        }

        var value = await context.Services.RuntimeConfig.GetAsync(key, cancellationToken);
        return JsonValue.Create(value);
    }

    /// <summary>config_option_list: the keys config_option_update accepts.</summary>
    public static Task<ActionResult> ListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        RequireSysadmin(context, "config_option_list");
        var keys = new JsonArray(RuntimeConfig.EditableKeys.Select(key => (JsonNode?)key).ToArray());
        return Task.FromResult<ActionResult>(keys);
    }

    /// <summary>Raises not authorized unless the user is a sysadmin, as CKAN's default auth for these actions.</summary>
    internal static void RequireSysadmin(ActionContext context, string action)
    {
        if (!context.IsSysadmin)
        {
            throw new NotAuthorizedException($"User {context.UserName} not authorized to run {action}");
        }
    }
}
