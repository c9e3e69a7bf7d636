namespace Ckan.Core.Plugins;

/// <summary>Declares the config options a plugin reads, so their defaults apply before anything reads them.</summary>
public interface IConfigDeclarationsPlugin : ICkanPlugin
{
    IReadOnlyList<ConfigDeclaration> ConfigDeclarations { get; }
}
