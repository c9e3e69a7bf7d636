namespace Ckan.Core.Search;

/// <summary>How a search index rebuild runs.</summary>
public sealed record RebuildOptions
{
    /// <summary>Skip datasets already in the index.</summary>
    public bool OnlyMissing { get; init; }

    /// <summary>Empty the index before starting.</summary>
    public bool ClearFirst { get; init; }

    /// <summary>Index a failing batch one dataset at a time and go on past the datasets that fail.</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>
    /// Called with "id: reason" for each dataset skipped under <see cref="ContinueOnError"/>, one call at a
    /// time, from any thread.
    /// </summary>
    public Action<string>? OnFailure { get; init; }
}
