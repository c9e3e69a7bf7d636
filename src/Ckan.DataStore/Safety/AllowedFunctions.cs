namespace Ckan.DataStore.Safety;

/// <summary>
/// The functions datastore_search_sql may call: CKAN's bundled list unless
/// <c>ckan.datastore.sqlsearch.allowed_functions_file</c> names another. Names are lowercased unless
/// written in double quotes, as CKAN reads the file.
/// </summary>
public sealed class AllowedFunctions
{
    private readonly HashSet<string> _names;

    private AllowedFunctions(IEnumerable<string> lines)
    {
        _names = lines
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.StartsWith('"') ? line : line.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Reads the list from a file, or the bundled list when <paramref name="path"/> is null.</summary>
    public static AllowedFunctions Load(string? path)
    {
        if (path is not null)
        {
            return new AllowedFunctions(File.ReadAllLines(path));
        }

        using var stream = typeof(AllowedFunctions).Assembly.GetManifestResourceStream("allowed_functions.txt")
            ?? throw new InvalidOperationException("The bundled allowed_functions.txt is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return new AllowedFunctions(reader.ReadToEnd().Split('\n'));
    }

    /// <summary>Returns whether a function name (quoted names keep their quotes) may be called.</summary>
    public bool Allows(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith('"'))
        {
            return _names.Contains(name) || _names.Contains(name.Trim('"').ToLowerInvariant()) && name == name.ToLowerInvariant();
        }

        return _names.Contains(name.ToLowerInvariant()) || _names.Contains("\"" + name + "\"");
    }
}
