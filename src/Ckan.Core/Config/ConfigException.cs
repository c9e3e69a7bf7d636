namespace Ckan.Core.Config;

/// <summary>
/// An error in the configuration: a missing file, a missing required option or an invalid value.
/// </summary>
public sealed class ConfigException(string message) : Exception(message)
{
    /// <summary>The option at fault, when the error concerns one option.</summary>
    public string? Option { get; init; }
}
