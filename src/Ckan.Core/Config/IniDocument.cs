namespace Ckan.Core.Config;

/// <summary>
/// A parsed ini file: its section blocks in file order.
/// </summary>
/// <remarks>
/// <c>[DEFAULT]</c> may appear in several blocks, as Python's configparser allows.
/// <see cref="IniParser"/> rejects a repeated section of any other name.
/// </remarks>
internal sealed class IniDocument(IReadOnlyList<IniSection> sections)
{
    /// <summary>The section blocks in file order.</summary>
    public IReadOnlyList<IniSection> Sections { get; } = sections;

    /// <summary>Returns the blocks named <paramref name="name"/> in file order, or an empty list.</summary>
    public IReadOnlyList<IniSection> BlocksOf(string name) =>
        Sections.Where(section => string.Equals(section.Name, name, StringComparison.Ordinal)).ToList();

    /// <summary>Returns the options of every block named <paramref name="name"/>, in file order.</summary>
    public IReadOnlyList<IniOption> OptionsOf(string name) =>
        BlocksOf(name).SelectMany(section => section.Options).ToList();

    /// <summary>Returns whether the file has a block named <paramref name="name"/>.</summary>
    public bool HasSection(string name) => BlocksOf(name).Count > 0;
}
