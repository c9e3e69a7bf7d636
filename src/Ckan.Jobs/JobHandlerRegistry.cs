namespace Ckan.Jobs;

/// <summary>Runs one job; throws to mark it failed with the exception's message.</summary>
public delegate Task JobHandler(Job job, CancellationToken cancellationToken);

/// <summary>
/// The handlers a worker can run, by <see cref="Job.Kind"/>. Filled at start-up and read-only after
/// that, so it is safe to share between workers.
/// </summary>
public sealed class JobHandlerRegistry
{
    private readonly Dictionary<string, JobHandler> _handlers = new(StringComparer.Ordinal);

    /// <summary>The registered kinds.</summary>
    public IReadOnlyCollection<string> Kinds => _handlers.Keys;

    /// <summary>Registers the handler of a kind, replacing an earlier one; returns this registry.</summary>
    public JobHandlerRegistry Add(string kind, JobHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(handler);

        _handlers[kind] = handler;
        return this;
    }

    /// <summary>Returns the handler of a kind, or null when none is registered.</summary>
    public JobHandler? Find(string kind) => _handlers.GetValueOrDefault(kind);
}
