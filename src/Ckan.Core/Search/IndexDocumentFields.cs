namespace Ckan.Core.Search;

/// <summary>
/// Fields that plugins add to a dataset's index document on top of those derived from its dictionary.
/// Not thread safe: one instance belongs to one dataset being indexed.
/// </summary>
public sealed class IndexDocumentFields
{
    private readonly List<KeyValuePair<string, string>> _values = [];
    private readonly Dictionary<string, double> _numbers = new(StringComparer.Ordinal);

    /// <summary>Values indexed under their field name by the same rules as the dataset's own keys.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    /// <summary>Numbers kept per dataset for <see cref="NumericFieldRanking"/>; one value per name.</summary>
    public IReadOnlyDictionary<string, double> Numbers => _numbers;

    /// <summary>Adds a value, searchable with <c>fq</c> as <c>name:value</c>.</summary>
    public void Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _values.Add(KeyValuePair.Create(name, value));
    }

    /// <summary>Sets a number that a ranking can read; a second call with the same name replaces the first.</summary>
    public void SetNumber(string name, double value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Index numbers must be finite.");
        }

        _numbers[name] = value;
    }
}
