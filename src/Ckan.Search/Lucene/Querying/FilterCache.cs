using System.Collections.Concurrent;
using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Querying;

/// <summary>
/// Reuses filters across searches, as Solr's filter cache does: each cached filter keeps its matching
/// documents per index segment, so a repeated fq or visibility filter costs a lookup after its first
/// use. Holds at most <see cref="Capacity"/> filters and starts over when full. Thread safe.
/// </summary>
internal sealed class FilterCache
{
    /// <summary>The maximum number of filters kept. Each uses about one bit per indexed dataset.</summary>
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    /// <summary>Returns the cached filter for the key, building it on first use.</summary>
    /// <remarks>An exception from <paramref name="create"/> is passed on and nothing is cached.</remarks>
    public Filter GetOrAdd(string key, Func<Filter> create)
    {
        if (_filters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_filters.Count >= Capacity)
        {
            _filters.Clear();
        }

        return _filters.GetOrAdd(key, new CachingWrapperFilter(create()));
    }
}
