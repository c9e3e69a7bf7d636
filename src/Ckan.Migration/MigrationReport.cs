namespace Ckan.Migration;

/// <summary>What a migration did, by kind of object, and the objects it could not copy with the reason.</summary>
public sealed class MigrationReport
{
    private readonly Dictionary<string, MigrationCounts> _counts = new(StringComparer.Ordinal);
    private readonly List<MigrationFailure> _failures = [];
    private readonly List<string> _notes = [];

    /// <summary>Counts per kind ("users", "organizations", "groups", "datasets", "files"), in first-seen order.</summary>
    public IReadOnlyDictionary<string, MigrationCounts> Counts => _counts;

    public IReadOnlyList<MigrationFailure> Failures => _failures;

    /// <summary>Steps skipped as a whole, with the reason, such as users without a sysadmin token.</summary>
    public IReadOnlyList<string> Notes => _notes;

    public void Created(string kind) => CountsFor(kind).Created++;

    public void Updated(string kind) => CountsFor(kind).Updated++;

    public void Unchanged(string kind) => CountsFor(kind).Unchanged++;

    public void Failed(string kind, string name, string reason)
    {
        CountsFor(kind).Failed++;
        _failures.Add(new MigrationFailure(kind, name, reason));
    }

    public void Note(string text) => _notes.Add(text);

    private MigrationCounts CountsFor(string kind)
    {
        if (!_counts.TryGetValue(kind, out var counts))
        {
            counts = new MigrationCounts();
            _counts[kind] = counts;
        }

        return counts;
    }
}

/// <summary>How many objects of one kind were created, updated, left as they were or failed.</summary>
public sealed class MigrationCounts
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Failed { get; set; }
}

/// <summary>One object the migration could not copy.</summary>
public sealed record MigrationFailure(string Kind, string Name, string Reason);
