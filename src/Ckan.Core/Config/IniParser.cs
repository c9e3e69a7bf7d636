using System.Text.RegularExpressions;

namespace Ckan.Core.Config;

/// <summary>
/// Parses ini text with the rules of Python's <c>configparser</c> as CKAN 2.11 configures it: keys keep
/// their case, <c>=</c> and <c>:</c> both separate key and value, and only whole lines starting with
/// <c>#</c> or <c>;</c> are comments.
/// </summary>
/// <remarks>
/// A line indented deeper than its option line continues that option's value, and blank lines between
/// continuation lines stay in the value. Comment lines inside a value are skipped. Repeating an option
/// in a section, or repeating a section other than <c>[DEFAULT]</c>, is an error, as in configparser's
/// strict mode.
/// </remarks>
internal static partial class IniParser
{
    /// <summary>The section whose options every other section inherits.</summary>
    public const string DefaultSection = "DEFAULT";

    /// <summary>
    /// Splits file text into lines without their terminators. <c>\r\n</c>, <c>\n</c> and <c>\r</c> all end a line.
    /// </summary>
    public static List<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>
    /// Parses the lines of an ini file.
    /// </summary>
    /// <param name="lines">The lines without terminators.</param>
    /// <param name="fileName">The file name used in error messages.</param>
    /// <exception cref="ConfigException">A line is neither a header, an option nor a comment, an option comes
    /// before the first header, or an option or section is repeated.</exception>
    public static IniDocument Parse(IReadOnlyList<string> lines, string fileName)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(fileName);

        var state = new ParserState(fileName);
        for (var index = 0; index < lines.Count; index++)
        {
            state.Read(lines[index], index);
        }

        state.FinishOption();
        return new IniDocument(state.Sections);
    }

    [GeneratedRegex(@"^\[(?<name>[^\]]+)\]")]
    private static partial Regex SectionHeader();

    private sealed class ParserState(string fileName)
    {
        private readonly HashSet<string> _sectionNames = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Section, string Key), int> _optionLines = [];
        private IniSection? _section;
        private string? _key;
        private List<string> _valueLines = [];
        private int _firstLine;
        private int _lastLine;
        private int _indent;

        public List<IniSection> Sections { get; } = [];

        public void Read(string line, int index)
        {
            var text = line.Trim();
            var isComment = text.StartsWith('#') || text.StartsWith(';');
            if (text.Length == 0 || isComment)
            {
                if (text.Length == 0 && _key is not null)
                {
                    _valueLines.Add(string.Empty);
                }

                return;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (_key is not null && indent > _indent)
            {
                _valueLines.Add(text);
                _lastLine = index;
                return;
            }

            FinishOption();
            _indent = indent;
            var header = SectionHeader().Match(text);
            if (header.Success)
            {
                StartSection(header.Groups["name"].Value, index);
                return;
            }

            StartOption(text, index);
        }

        public void FinishOption()
        {
            if (_section is null || _key is null)
            {
                return;
            }

            var value = string.Join('\n', _valueLines).TrimEnd();
            _section.Add(new IniOption(_key, value, _firstLine, _lastLine));
            _key = null;
        }

        private void StartSection(string name, int index)
        {
            var isDefault = string.Equals(name, DefaultSection, StringComparison.Ordinal);
            if (!isDefault && !_sectionNames.Add(name))
            {
                throw new ConfigException(
                    $"{fileName} line {index + 1}: section [{name}] appears twice. " +
                    "Merge the two sections into one.");
            }

            _section = new IniSection(name, index);
            Sections.Add(_section);
        }

        private void StartOption(string text, int index)
        {
            if (_section is null)
            {
                throw new ConfigException(
                    $"{fileName} line {index + 1}: an option comes before any [section] header. " +
                    "Put the options under [app:main].");
            }

            var separator = text.IndexOfAny(['=', ':']);
            var key = separator < 0 ? string.Empty : text[..separator].TrimEnd();
            if (key.Length == 0)
            {
                throw new ConfigException(
                    $"{fileName} line {index + 1}: expected \"key = value\", a [section] header " +
                    $"or a comment, but found \"{text}\".");
            }

            if (!_optionLines.TryAdd((_section.Name, key), index))
            {
                throw new ConfigException(
                    $"{fileName} line {index + 1}: option {key} is already set in [{_section.Name}] " +
                    $"on line {_optionLines[(_section.Name, key)] + 1}. Remove one of the two lines.")
                {
                    Option = key,
                };
            }

            _key = key;
            _valueLines = [text[(separator + 1)..].Trim()];
            _firstLine = index;
            _lastLine = index;
        }
    }
}
