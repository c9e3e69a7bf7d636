namespace Ckan.Core.Config;

/// <summary>
/// Reads the raw <c>[app:main]</c> options of a config file, following <c>use = config:FILE</c> to the files
/// it builds on.
/// </summary>
/// <remarks>
/// Each file contributes its <c>[DEFAULT]</c> options and then its <c>[app:main]</c> options, so a section
/// value wins over a default of the same file. An including file's values win over those of the file it
/// uses. CKAN 2.11 follows one <c>use</c> level; this reader follows the whole chain and rejects loops.
/// </remarks>
internal static class IniChainReader
{
    /// <summary>The section that contains CKAN's options.</summary>
    public const string AppSection = "app:main";

    private const string UseOption = "use";
    private const string ConfigScheme = "config:";

    /// <summary>Reads the merged raw options of <paramref name="fullPath"/> and the files it uses.</summary>
    /// <exception cref="ConfigException">A file is missing or malformed, the top file has no
    /// <c>[app:main]</c>, or files use each other in a loop.</exception>
    public static Dictionary<string, IniRawValue> Read(string fullPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);

        return Read(fullPath, []);
    }

    private static Dictionary<string, IniRawValue> Read(string path, List<string> includers)
    {
        if (includers.Contains(path, StringComparer.Ordinal))
        {
            var loop = string.Join(" -> ", includers.Append(path));
            throw new ConfigException(
                $"Config files include each other in a loop through use = config: ({loop}). " +
                "Remove one of the use options.")
            {
                Option = UseOption,
            };
        }

        var document = ParseFile(path, includers);
        var isTopFile = includers.Count == 0;
        if (isTopFile && !document.HasSection(AppSection))
        {
            throw new ConfigException(
                $"Config file {path} has no [{AppSection}] section. " +
                "Put the CKAN options under [app:main], or pass the right file with -c or CKAN_INI.");
        }

        var options = CollectOptions(document, Path.GetDirectoryName(path) ?? string.Empty);
        var basePath = FindUsedFile(options, path);
        if (basePath is null)
        {
            return options;
        }

        includers.Add(path);
        var merged = Read(basePath, includers);
        foreach (var (key, value) in options)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static IniDocument ParseFile(string path, List<string> includers)
    {
        if (!File.Exists(path))
        {
            var message = includers.Count == 0
                ? $"Config file not found: {path}"
                : $"Config file not found: {path} (named by use = config: in {includers[^1]})";
            throw new ConfigException(message);
        }

        var lines = IniParser.SplitLines(File.ReadAllText(path));
        return IniParser.Parse(lines, path);
    }

    private static Dictionary<string, IniRawValue> CollectOptions(IniDocument document, string folder)
    {
        var options = new Dictionary<string, IniRawValue>(StringComparer.Ordinal);
        var sectionOptions = document.OptionsOf(IniParser.DefaultSection)
            .Concat(document.OptionsOf(AppSection));
        foreach (var option in sectionOptions)
        {
            options[option.Key] = new IniRawValue(option.Value, folder);
        }

        return options;
    }

    private static string? FindUsedFile(Dictionary<string, IniRawValue> options, string path)
    {
        if (!options.ContainsKey(UseOption))
        {
            return null;
        }

        var use = IniInterpolator.Expand(UseOption, options, path).Trim();
        if (!use.StartsWith(ConfigScheme, StringComparison.Ordinal))
        {
            return null;
        }

        var folder = Path.GetDirectoryName(path) ?? string.Empty;
        return Path.GetFullPath(Path.Combine(folder, use[ConfigScheme.Length..].Trim()));
    }
}
