namespace Ckan.DataStore.Schema;

/// <summary>CKAN's rules for column and alias names.</summary>
public static class FieldNames
{
    /// <summary>PostgreSQL's identifier limit, which CKAN applies to column headings.</summary>
    public const int MaxLength = 63;

    /// <summary>
    /// Returns whether a user column name is allowed: not empty, no surrounding whitespace, no leading
    /// underscore (those are the DataStore's own columns) and no double quote.
    /// </summary>
    public static bool IsValidField(string? name) =>
        !string.IsNullOrEmpty(name)
        && string.Equals(name, name.Trim(), StringComparison.Ordinal)
        && !name.StartsWith('_')
        && !name.Contains('"', StringComparison.Ordinal)
        && !name.Contains('\0', StringComparison.Ordinal);

    /// <summary>Returns whether an alias name is allowed; CKAN also rejects <c>%</c> there.</summary>
    public static bool IsValidAlias(string? name) =>
        IsValidField(name) && !name!.Contains('%', StringComparison.Ordinal) && name.Length <= MaxLength;

    /// <summary>Returns a name quoted as an SQL identifier (PostgreSQL and SQLite alike).</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(name));
        }

        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
