namespace Ckan.Bench.Search;

/// <summary>Latency over HTTP and result counts of one kind of package_search request.</summary>
internal sealed record KindReport(string Kind, LatencySummary Latency, double MeanCount, int ZeroCount);
