using Ckan.Search.Lucene.Querying;
using Lucene.Net.Search;

namespace Ckan.Search.Tests.Lucene.Querying;

public sealed class FilterCacheTests
{
    [Fact]
    public void Same_key_returns_same_filter()
    {
        var cache = new FilterCache();
        var built = 0;

        var first = cache.GetOrAdd("key", () => Build(ref built));
        var second = cache.GetOrAdd("key", () => Build(ref built));

        Assert.Same(first, second);
        Assert.Equal(1, built);
        Assert.IsType<CachingWrapperFilter>(first);
    }

    [Fact]
    public void Failed_build_caches_nothing()
    {
        var cache = new FilterCache();
        var built = 0;

        Assert.Throws<FormatException>(() => cache.GetOrAdd("key", () => throw new FormatException("bad")));
        cache.GetOrAdd("key", () => Build(ref built));

        Assert.Equal(1, built);
    }

    [Fact]
    public void Full_cache_starts_over()
    {
        var cache = new FilterCache();
        var built = 0;
        var first = cache.GetOrAdd("first", () => Build(ref built));

        for (var i = 0; i < FilterCache.Capacity; i++)
        {
            cache.GetOrAdd($"other-{i}", () => Build(ref built));
        }

        var again = cache.GetOrAdd("first", () => Build(ref built));
        Assert.NotSame(first, again);
    }

    private static Filter Build(ref int built)
    {
        built++;
        return new QueryWrapperFilter(new MatchAllDocsQuery());
    }
}
