namespace Ckan.Bench.Search;

/// <summary>What the latency part of the benchmark measured on the running portal.</summary>
internal sealed record LatencyReport
{
    /// <summary>Time from building the portal to serving, including its check of the index against the catalog.</summary>
    public required TimeSpan Startup { get; init; }

    public required LatencySummary SearchOverHttp { get; init; }
    public required LatencySummary StatusShowOverHttp { get; init; }

    /// <summary>package_search called in the portal's process, without HTTP: validation, index, facets, JSON.</summary>
    public required LatencySummary SearchAction { get; init; }

    /// <summary>The index's SearchAsync alone, with the request package_search would send.</summary>
    public required LatencySummary IndexSearch { get; init; }

    public required IReadOnlyList<KindReport> Kinds { get; init; }
    public required double MeanResponseBytes { get; init; }
}
