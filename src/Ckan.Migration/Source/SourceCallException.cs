namespace Ckan.Migration.Source;

/// <summary>The source portal returned an error for an action, or a response that is not CKAN's envelope.</summary>
public sealed class SourceCallException(string action, string message) : Exception($"{action}: {message}")
{
    /// <summary>The action that failed on the source portal.</summary>
    public string Action { get; } = action;
}
