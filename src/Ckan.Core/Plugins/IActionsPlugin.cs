using Ckan.Core.Actions;

namespace Ckan.Core.Plugins;

/// <summary>
/// Adds actions or replaces core ones. To wrap an action instead of replacing it, look it up with
/// <see cref="ActionRegistry.Find"/> first and call its handler from the new one, as CKAN's chained actions do.
/// </summary>
public interface IActionsPlugin : ICkanPlugin
{
    /// <summary>Registers the plugin's actions; runs after the core actions and the plugins listed before.</summary>
    void RegisterActions(ActionRegistry actions);
}
