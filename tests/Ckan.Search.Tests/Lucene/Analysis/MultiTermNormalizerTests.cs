using Ckan.Search.Lucene.Analysis;

namespace Ckan.Search.Tests.Lucene.Analysis;

public sealed class MultiTermNormalizerTests
{
    [Theory]
    [InlineData("Inundació*", "inundacio*")]
    [InlineData("ÆRØ?", "aero?")]
    [InlineData("flood", "flood")]
    [InlineData("", "")]
    public void Term_is_lowercased_and_folded_keeping_wildcards(string term, string expected)
    {
        var normalized = MultiTermNormalizer.Normalize(term);

        Assert.Equal(expected, normalized);
    }
}
