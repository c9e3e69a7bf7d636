using Ckan.Search.Lucene.Schema;

namespace Ckan.Search.Tests.Lucene.Schema;

public sealed class SolrSchemaTests
{
    [Theory]
    [InlineData("text", "Text")]
    [InlineData("title", "Text")]
    [InlineData("notes", "Text")]
    [InlineData("res_description", "Text")]
    [InlineData("urls", "Text")]
    [InlineData("depends_on", "Text")]
    [InlineData("extras_theme", "Text")]
    [InlineData("extras_end_date", "Text")]
    [InlineData("res_extras_size", "Text")]
    [InlineData("name", "Exact")]
    [InlineData("tags", "Exact")]
    [InlineData("res_format", "Exact")]
    [InlineData("vocab_topics", "Exact")]
    [InlineData("vocab_release_date", "Exact")]
    [InlineData("anything_else", "Exact")]
    [InlineData("metadata_modified", "Date")]
    [InlineData("release_date", "Date")]
    [InlineData("num_resources", "Integer")]
    [InlineData("num_tags", "Integer")]
    public void Field_name_gives_kind(string field, string expected)
    {
        var kind = SolrSchema.KindOf(field);

        Assert.Equal(Enum.Parse<FieldKind>(expected), kind);
    }

    [Theory]
    [InlineData("tags", true)]
    [InlineData("organization", true)]
    [InlineData("license_id", true)]
    [InlineData("extras_theme", true)]
    [InlineData("num_tags", true)]
    [InlineData("id", false)]
    [InlineData("res_url", false)]
    [InlineData("permission_labels", false)]
    [InlineData("title", false)]
    [InlineData("metadata_modified", false)]
    public void Facet_values_are_kept_for_facetable_fields(string field, bool expected)
    {
        var faceted = SolrSchema.IsFaceted(field);

        Assert.Equal(expected, faceted);
    }

    [Theory]
    [InlineData("tags", true)]
    [InlineData("__json", false)]
    [InlineData("", false)]
    public void Internal_fields_cannot_be_queried(string field, bool expected)
    {
        var queryable = SolrSchema.IsQueryable(field);

        Assert.Equal(expected, queryable);
    }
}
