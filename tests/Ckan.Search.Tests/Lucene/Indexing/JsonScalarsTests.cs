using System.Text.Json.Nodes;
using Ckan.Search.Lucene.Indexing;

namespace Ckan.Search.Tests.Lucene.Indexing;

public sealed class JsonScalarsTests
{
    [Theory]
    [InlineData("\"text\"", "text")]
    [InlineData("12", "12")]
    [InlineData("1.50", "1.50")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", null)]
    [InlineData("{}", null)]
    [InlineData("[1]", null)]
    public void Scalar_reads_as_solr_text(string json, string? expected)
    {
        var text = JsonScalars.AsText(JsonNode.Parse(json));

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Values_of_array_skip_non_scalars()
    {
        var values = JsonScalars.Values(JsonNode.Parse("[\"a\", 2, null, {\"x\": 1}, [3], false]"));

        Assert.Equal(["a", "2", "false"], values);
    }

    [Fact]
    public void Values_of_scalar_is_that_value()
    {
        var values = JsonScalars.Values(JsonValue.Create("one"));

        Assert.Equal(["one"], values);
    }
}
