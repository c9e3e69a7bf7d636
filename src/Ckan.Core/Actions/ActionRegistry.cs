using Ckan.Core.Plugins;

namespace Ckan.Core.Actions;

/// <summary>
/// Maps CKAN action names (<c>package_show</c>) to their handlers. Built once at start and read-only
/// afterwards, so lookups need no locking.
/// </summary>
public sealed class ActionRegistry
{
    private readonly Dictionary<string, ActionDefinition> _actions = new(StringComparer.Ordinal);

    /// <summary>The registered action names, sorted.</summary>
    public IReadOnlyList<string> Names => _actions.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Adds an action that changes data; it must be called with POST.</summary>
    public ActionRegistry Add(string name, ActionHandler handler) => Register(name, handler, false);

    /// <summary>Adds a read-only action that may also be called with GET.</summary>
    public ActionRegistry AddRead(string name, ActionHandler handler) => Register(name, handler, true);

    /// <summary>Returns the action with the name, or null when there is none.</summary>
    public ActionDefinition? Find(string name) => _actions.GetValueOrDefault(name);

    private ActionRegistry Register(string name, ActionHandler handler, bool isSideEffectFree)
    {
        _actions[name] = new ActionDefinition(name, handler, isSideEffectFree);
        return this;
    }

    /// <summary>
    /// Lets each plugin add or replace actions, in the listed order, then puts the plugins' authorization
    /// checks in front of the actions they name. Returns this registry.
    /// </summary>
    public ActionRegistry WithPlugins(PluginSet plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        foreach (var plugin in plugins.Of<IActionsPlugin>())
        {
            plugin.RegisterActions(this);
        }

        foreach (var (name, check) in plugins.Of<IAuthPlugin>().SelectMany(plugin => plugin.AuthFunctions))
        {
            if (Find(name) is { } action)
            {
                _actions[name] = action with { Handler = Guarded(check, action.Handler) };
            }
        }

        return this;
    }

    private static ActionHandler Guarded(AuthFunction check, ActionHandler handler) =>
        async (context, data, cancellationToken) =>
        {
            if (!context.IgnoreAuth)
            {
                await check(context, data, cancellationToken);
            }

            return await handler(context, data, cancellationToken);
        };

    /// <summary>Creates the registry of every core action.</summary>
    public static ActionRegistry CreateCore()
    {
        var registry = new ActionRegistry();
        Get.MiscGet.Register(registry);
        Get.PackageGet.Register(registry);
        Get.GroupGet.Register(registry);
        Get.UserGet.Register(registry);
        Get.ConfigOptionGet.Register(registry);
        Create.PackageCreate.Register(registry);
        Create.GroupCreate.Register(registry);
        Create.UserCreate.Register(registry);
        Update.PackageUpdate.Register(registry);
        Update.GroupUpdate.Register(registry);
        Update.UserUpdate.Register(registry);
        Update.ConfigOptionUpdate.Register(registry);
        Delete.PackageDelete.Register(registry);
        Delete.GroupDelete.Register(registry);
        Delete.UserDelete.Register(registry);
        Create.ResourceViewCreate.Register(registry);
        Get.ResourceViewGet.Register(registry);
        Update.ResourceViewUpdate.Register(registry);
        Delete.ResourceViewDelete.Register(registry);
        return registry;
    }
}
