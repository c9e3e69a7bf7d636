namespace Ckan.Bench.Search;

/// <summary>What the latency part of the benchmark measured on the running portal.</summary>
internal sealed record LatencyReport
{
    /// <summary>Time from building the portal to serving, with its check of the index against the catalog.</summary>
    public required TimeSpan Startup { get; init; }

    public required LatencySummary SearchOverHttp { get; init; }
    public required LatencySummary StatusShowOverHttp { get; init; }

    /// <summary>package_search called in the portal's process, without HTTP: validation, index, facets, JSON.</summary>
    public required LatencySummary SearchAction { get; init; }

    /// <summary>The index's SearchAsync alone, with the request package_search would send.</summary>
    public required LatencySummary IndexSearch { get; init; }

    public required IReadOnlyList<KindReport> Kinds { get; init; }
    public required double MeanResponseBytes { get; init; }

    /// <summary>Page faults that read from disk during the timed HTTP requests, or null where not reported.</summary>
    public long? MajorFaults { get; init; }

    /// <summary>One-minute load average when the timed HTTP requests started and when they ended.</summary>
    public required (double? Start, double? End) Load { get; init; }
}
