namespace Ckan.Core.Plugins;

/// <summary>
/// Adds authorization checks to actions by name. A check runs before the action, in addition to the checks
/// the action makes itself, so a plugin can restrict a core action; to loosen one, replace the action through
/// <see cref="IActionsPlugin"/>.
/// </summary>
public interface IAuthPlugin : ICkanPlugin
{
    /// <summary>The checks, by action name.</summary>
    IReadOnlyDictionary<string, AuthFunction> AuthFunctions { get; }
}
