using System.Text;

namespace Ckan.Core.Config;

/// <summary>
/// Edits options of an ini file in place, as <c>ckan config-tool</c> does, keeping every other line and comment.
/// </summary>
public static class ConfigFileEditor
{
    private const string ContinuationIndent = "    ";

    /// <summary>
    /// Sets options in one section of an ini file, in the order given.
    /// </summary>
    /// <remarks>
    /// An option already in the section has its line, continuation lines included, replaced by
    /// <c>key = value</c> at the same place. A new option goes after the last option of the section. A missing
    /// section is appended at the end of the file. Values are written verbatim, so <c>%</c> keeps its
    /// interpolation meaning, and a value with line breaks becomes indented continuation lines. The file keeps
    /// its line endings (<c>\r\n</c> when it has any, else <c>\n</c>) and is written only when every option
    /// can be set.
    /// </remarks>
    /// <param name="path">The ini file to edit.</param>
    /// <param name="section">The section name without brackets, usually <c>app:main</c>.</param>
    /// <param name="options">The keys and values to set.</param>
    /// <param name="requireExisting">Whether every option must already be set in the section (the <c>-e</c>
    /// flag of config-tool).</param>
    /// <exception cref="ConfigException">The file is missing or malformed, a key or the section name cannot be
    /// written to an ini file, or <paramref name="requireExisting"/> is true and an option is not set.</exception>
    public static void SetOptions(
        string path,
        string section,
        IReadOnlyList<KeyValuePair<string, string>> options,
        bool requireExisting)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);

        ValidateSectionName(section);
        foreach (var option in options)
        {
            ValidateKey(option.Key);
        }

        if (!File.Exists(path))
        {
            throw new ConfigException($"Config file not found: {path}");
        }

        var text = File.ReadAllText(path);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = IniParser.SplitLines(text);
        if (requireExisting)
        {
            RequireExistingOptions(IniParser.Parse(lines, path), path, section, options);
        }

        foreach (var (key, value) in options)
        {
            SetOption(lines, path, section, key, value);
        }

        File.WriteAllText(path, string.Join(newline, lines) + newline, new UTF8Encoding(false));
    }

    private static void SetOption(List<string> lines, string path, string section, string key, string value)
    {
        var blocks = IniParser.Parse(lines, path).BlocksOf(section);
        var existing = blocks
            .SelectMany(block => block.Options)
            .FirstOrDefault(option => string.Equals(option.Key, key, StringComparison.Ordinal));
        if (existing is not null)
        {
            var indent = LeadingWhitespace(lines[existing.FirstLine]);
            lines.RemoveRange(existing.FirstLine, existing.LastLine - existing.FirstLine + 1);
            lines.InsertRange(existing.FirstLine, FormatOption(indent, key, value));
            return;
        }

        if (blocks.Count > 0)
        {
            var block = blocks[^1];
            var lastOption = block.Options.Count > 0 ? block.Options[^1] : null;
            var after = lastOption?.LastLine ?? block.HeaderLine;
            var indent = lastOption is null ? string.Empty : LeadingWhitespace(lines[lastOption.FirstLine]);
            lines.InsertRange(after + 1, FormatOption(indent, key, value));
            return;
        }

        if (lines.Count > 0 && lines[^1].Trim().Length > 0)
        {
            lines.Add(string.Empty);
        }

        lines.Add($"[{section}]");
        lines.AddRange(FormatOption(string.Empty, key, value));
    }

    // Options keep the indent of their neighbours, because an option line indented less than the options after
    // it would turn them into continuation lines of its value.
    private static List<string> FormatOption(string indent, string key, string value)
    {
        var valueLines = IniParser.SplitLines(value);
        var firstValue = valueLines.Count > 0 ? valueLines[0] : string.Empty;
        var formatted = new List<string>
        {
            firstValue.Length == 0 ? $"{indent}{key} =" : $"{indent}{key} = {firstValue}",
        };

        foreach (var line in valueLines.Skip(1))
        {
            formatted.Add(line.Length == 0 ? line : indent + ContinuationIndent + line);
        }

        return formatted;
    }

    private static string LeadingWhitespace(string line) => line[..(line.Length - line.TrimStart().Length)];

    private static void RequireExistingOptions(
        IniDocument document,
        string path,
        string section,
        IReadOnlyList<KeyValuePair<string, string>> options)
    {
        var existingKeys = document.OptionsOf(section)
            .Select(option => option.Key)
            .ToHashSet(StringComparer.Ordinal);
        var missing = options.FirstOrDefault(option => !existingKeys.Contains(option.Key));
        if (missing.Key is not null)
        {
            throw new ConfigException(
                $"Option {missing.Key} is not set in section [{section}] of {path}, so it cannot be edited. " +
                "Check the spelling, or drop -e (--edit) to add the option.")
            {
                Option = missing.Key,
            };
        }
    }

    private static void ValidateSectionName(string section)
    {
        if (section.Length == 0 || section.IndexOfAny(['[', ']', '\r', '\n']) >= 0)
        {
            throw new ConfigException(
                $"Invalid section name \"{section}\". Give the name without brackets, such as app:main.");
        }
    }

    private static void ValidateKey(string key)
    {
        var isWritable = !string.IsNullOrWhiteSpace(key)
            && key == key.Trim()
            && key.IndexOfAny(['=', ':', '\r', '\n']) < 0
            && key[0] is not ('#' or ';' or '[');
        if (!isWritable)
        {
            throw new ConfigException(
                $"Invalid option name \"{key}\". A name cannot be empty, contain = or : or line breaks, " +
                "start with #, ; or [, or start or end with spaces.")
            {
                Option = key,
            };
        }
    }
}
