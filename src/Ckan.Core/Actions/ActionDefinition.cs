namespace Ckan.Core.Actions;

/// <summary>
/// An action by its CKAN name. Side-effect-free actions may be called with GET and read their input
/// from the query string, as in CKAN.
/// </summary>
public sealed record ActionDefinition(string Name, ActionHandler Handler, bool IsSideEffectFree);
