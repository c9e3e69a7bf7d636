using System.Text;

namespace Ckan.Core.Config;

/// <summary>
/// Expands <c>%(name)s</c> references and <c>%%</c> escapes in option values, as the basic interpolation of
/// Python's <c>configparser</c> does.
/// </summary>
/// <remarks>
/// A reference names another option of the same merged section and <c>[DEFAULT]</c>, case-sensitive.
/// <c>%(here)s</c> is the folder of the file that set the value and <c>%(__file__)s</c> is the loaded
/// config file, unless an option of that name is set. Unlike configparser, those two paths are inserted
/// literally, so a folder name containing <c>%</c> does not break interpolation.
/// </remarks>
internal static class IniInterpolator
{
    private const string HereName = "here";
    private const string FileName = "__file__";

    // configparser's MAX_INTERPOLATION_DEPTH.
    private const int MaxDepth = 10;

    /// <summary>Returns every option with its value expanded.</summary>
    /// <param name="options">The raw options of the merged section.</param>
    /// <param name="configFile">The full path of the loaded config file.</param>
    /// <exception cref="ConfigException">A value has a malformed or unknown reference, or references loop.</exception>
    public static Dictionary<string, string> ExpandAll(
        IReadOnlyDictionary<string, IniRawValue> options,
        string configFile)
    {
        ArgumentNullException.ThrowIfNull(options);

        var expanded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in options.Keys)
        {
            expanded[key] = Expand(key, options, configFile);
        }

        return expanded;
    }

    /// <summary>Returns the value of option <paramref name="key"/> with its references expanded.</summary>
    /// <exception cref="ConfigException">The value has a malformed or unknown reference, or references
    /// loop.</exception>
    public static string Expand(string key, IReadOnlyDictionary<string, IniRawValue> options, string configFile)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configFile);

        var output = new StringBuilder();
        Append(output, key, options[key], options, configFile, depth: 1);
        return output.ToString();
    }

    private static void Append(
        StringBuilder output,
        string key,
        IniRawValue value,
        IReadOnlyDictionary<string, IniRawValue> options,
        string configFile,
        int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ConfigException(
                $"Option {key} nests %(name)s references more than {MaxDepth} levels deep, " +
                "which usually means options refer to each other in a loop. Break the loop.")
            {
                Option = key,
            };
        }

        var text = value.Text;
        var position = 0;
        while (position < text.Length)
        {
            var percent = text.IndexOf('%', position);
            if (percent < 0)
            {
                output.Append(text, position, text.Length - position);
                return;
            }

            output.Append(text, position, percent - position);
            if (percent + 1 < text.Length && text[percent + 1] == '%')
            {
                output.Append('%');
                position = percent + 2;
                continue;
            }

            var name = ReadReferenceName(text, percent, key);
            position = percent + name.Length + 4;
            AppendReference(output, key, name, value.Folder, options, configFile, depth);
        }
    }

    private static void AppendReference(
        StringBuilder output,
        string key,
        string name,
        string folder,
        IReadOnlyDictionary<string, IniRawValue> options,
        string configFile,
        int depth)
    {
        if (options.TryGetValue(name, out var referenced))
        {
            if (referenced.Text.Contains('%'))
            {
                Append(output, key, referenced, options, configFile, depth + 1);
            }
            else
            {
                output.Append(referenced.Text);
            }

            return;
        }

        if (string.Equals(name, HereName, StringComparison.Ordinal))
        {
            output.Append(folder);
            return;
        }

        if (string.Equals(name, FileName, StringComparison.Ordinal))
        {
            output.Append(configFile);
            return;
        }

        throw new ConfigException(
            $"Option {key} refers to %({name})s, but no option {name} is set in [app:main] or [DEFAULT]. " +
            "Set that option, or write %% for a literal percent sign.")
        {
            Option = key,
        };
    }

    private static string ReadReferenceName(string text, int percent, string key)
    {
        var open = percent + 1;
        var close = open < text.Length && text[open] == '(' ? text.IndexOf(')', open + 1) : -1;
        var isReference = close > open + 1 && close + 1 < text.Length && text[close + 1] == 's';
        if (!isReference)
        {
            // The value is left out of the message because it may be a password or a secret.
            throw new ConfigException(
                $"Option {key} contains a '%' that does not start a %(name)s reference. " +
                "Write %% for a literal percent sign.")
            {
                Option = key,
            };
        }

        return text[(open + 1)..close];
    }
}
