namespace Ckan.Core.Config;

/// <summary>
/// One <c>[name]</c> block of an ini file and the options under it, in file order.
/// </summary>
internal sealed class IniSection(string name, int headerLine)
{
    private readonly List<IniOption> _options = [];

    /// <summary>The name between the brackets, case-sensitive.</summary>
    public string Name { get; } = name;

    /// <summary>The zero-based line of the <c>[name]</c> header.</summary>
    public int HeaderLine { get; } = headerLine;

    /// <summary>The options of this block, in file order.</summary>
    public IReadOnlyList<IniOption> Options => _options;

    /// <summary>Adds an option at the end of the block.</summary>
    public void Add(IniOption option) => _options.Add(option);
}
