namespace Ckan.Core.Plugins;

/// <summary>A config option a plugin reads, with the value it takes when the ini file and environment leave it unset.</summary>
/// <param name="Key">The option name, such as <c>ckanext.showcase.editor</c>.</param>
/// <param name="Default">The default value, or null for an option without one.</param>
/// <param name="Description">One sentence for <c>ckan config declaration</c> style listings.</param>
public sealed record ConfigDeclaration(string Key, string? Default, string Description);
