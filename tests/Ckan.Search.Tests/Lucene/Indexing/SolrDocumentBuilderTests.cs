using System.Text.Json.Nodes;
using Ckan.Search.Lucene.Indexing;

namespace Ckan.Search.Tests.Lucene.Indexing;

public sealed class SolrDocumentBuilderTests
{
    [Fact]
    public void Core_fields_are_indexed_under_their_names()
    {
        var dataset = DatasetFactory.Create(
            name: "core-fields",
            title: "  Core title",
            notes: "Some notes",
            licenseId: "odc-by");

        var fields = Build(dataset);

        Assert.Equal(["core-fields"], Values(fields, "name"));
        Assert.Equal(["Core title"], Values(fields, "title"));
        Assert.Equal(["  Core title"], Values(fields, "title_string"));
        Assert.Equal(["Some notes"], Values(fields, "notes"));
        Assert.Equal(["odc-by"], Values(fields, "license_id"));
        Assert.Equal(["ODC-BY"], Values(fields, "license_title"));
        Assert.Equal(["active"], Values(fields, "state"));
        Assert.Equal(["dataset"], Values(fields, "dataset_type"));
        Assert.Equal(["dataset"], Values(fields, "type"));
        Assert.Equal(["package"], Values(fields, "entity_type"));
        Assert.Equal(["false"], Values(fields, "private"));
        Assert.Equal(["true"], Values(fields, "isopen"));
        Assert.Equal(["0"], Values(fields, "num_tags"));
        Assert.Equal([DatasetFacts.Text(dataset, "metadata_modified")!], Values(fields, "metadata_modified"));
    }

    [Fact]
    public void Null_values_are_left_out()
    {
        var dataset = DatasetFactory.Create();

        var fields = Build(dataset);

        Assert.Empty(Values(fields, "author"));
        Assert.Empty(Values(fields, "notes"));
        Assert.Empty(Values(fields, "organization"));
    }

    [Fact]
    public void Capacity_follows_private_flag()
    {
        var publicFields = Build(DatasetFactory.Create(isPrivate: false));
        var privateFields = Build(DatasetFactory.Create(isPrivate: true));

        Assert.Equal(["public"], Values(publicFields, "capacity"));
        Assert.Equal(["private"], Values(privateFields, "capacity"));
    }

    [Fact]
    public void Organization_and_groups_are_indexed_by_name()
    {
        var dataset = DatasetFactory.Create(organization: "my-org", groups: ["group-a", "group-b"]);

        var fields = Build(dataset);

        Assert.Equal(["my-org"], Values(fields, "organization"));
        Assert.Equal(["my-org-id"], Values(fields, "owner_org"));
        Assert.Equal(["group-a", "group-b"], Values(fields, "groups"));
    }

    [Fact]
    public void Vocabulary_tags_use_vocabulary_name()
    {
        var dictionary = DatasetFactory.Create(tags: ["free one", "Free Two"]);
        dictionary["tags"]!.AsArray().Add(new JsonObject { ["name"] = "health", ["vocabulary_id"] = "vocab-1" });
        dictionary["tags"]!.AsArray().Add(new JsonObject { ["name"] = "spain", ["vocabulary_id"] = "vocab-2" });
        var dataset = DatasetFactory.Indexed(dictionary) with
        {
            VocabularyNames = new Dictionary<string, string> { ["vocab-1"] = "topics", ["vocab-2"] = "places" },
        };

        var fields = SolrDocumentBuilder.Build(dataset);

        Assert.Equal(["free one", "Free Two"], Values(fields, "tags"));
        Assert.Equal(["health"], Values(fields, "vocab_topics"));
        Assert.Equal(["spain"], Values(fields, "vocab_places"));
        Assert.Empty(Values(fields, "vocab_vocab-1"));
        Assert.Contains("health", Values(fields, "text"));
    }

    [Fact]
    public void Unnamed_vocabulary_tags_use_its_id()
    {
        var dataset = DatasetFactory.Create();
        dataset["tags"]!.AsArray().Add(new JsonObject { ["name"] = "health", ["vocabulary_id"] = "vocab-1" });

        var fields = Build(dataset);

        Assert.Equal(["health"], Values(fields, "vocab_vocab-1"));
    }

    [Fact]
    public void Extras_get_prefixed_and_bare_fields()
    {
        var dataset = DatasetFactory.Create(extras:
        [
            ("Theme (primary)", "Health"),
            ("title", "Not the title"),
            ("tags", "reserved"),
            ("release_date", "2020-05-06"),
        ]);

        var fields = Build(dataset);

        Assert.Equal(["Health"], Values(fields, "extras_Themeprimary"));
        Assert.Equal(["Health"], Values(fields, "Themeprimary"));
        Assert.Equal(["Not the title"], Values(fields, "extras_title"));
        Assert.DoesNotContain("Not the title", Values(fields, "title"));
        Assert.Equal(["reserved"], Values(fields, "extras_tags"));
        Assert.DoesNotContain("reserved", Values(fields, "tags"));
        Assert.Equal(["2020-05-06"], Values(fields, "release_date"));
    }

    [Fact]
    public void Extra_with_list_value_is_joined_with_spaces()
    {
        var dataset = DatasetFactory.Create();
        dataset["extras"] = new JsonArray(new JsonObject { ["key"] = "langs", ["value"] = new JsonArray("en", "es") });

        var fields = Build(dataset);

        Assert.Equal(["en es"], Values(fields, "extras_langs"));
    }

    [Fact]
    public void Resources_flatten_without_empty_values()
    {
        var dataset = DatasetFactory.Create(formats: ["CSV", ""]);
        dataset["resources"]![0]!["resource_type"] = "file";

        var fields = Build(dataset);

        Assert.Equal(["Resource 1", "Resource 2"], Values(fields, "res_name"));
        Assert.Equal(["CSV"], Values(fields, "res_format"));
        Assert.Equal(["file"], Values(fields, "res_type"));
        Assert.Equal(2, Values(fields, "res_url").Count);
        Assert.Empty(Values(fields, "res_description"));
    }

    [Fact]
    public void Custom_fields_keep_scalar_values()
    {
        var dataset = DatasetFactory.Create();
        dataset["data_type"] = new JsonArray("image", "doc", new JsonObject(), null);
        dataset["x_max"] = 121.5;
        dataset["spatial_detail"] = new JsonObject { ["type"] = "Point" };
        dataset["__json"] = "reserved";

        var fields = Build(dataset);

        Assert.Equal(["image", "doc"], Values(fields, "data_type"));
        Assert.Equal(["121.5"], Values(fields, "x_max"));
        Assert.Empty(Values(fields, "spatial_detail"));
        Assert.Empty(Values(fields, "__json"));
    }

    [Fact]
    public void Text_field_copies_the_searchable_values()
    {
        var dataset = DatasetFactory.Create(
            name: "copied-name",
            title: "Copied title",
            notes: "Copied notes",
            tags: ["copied-tag"],
            organization: "copied-org",
            groups: ["copied-group"],
            formats: ["CSV"],
            extras: [("theme", "copied extra")]);
        dataset["author"] = "Copied Author";
        dataset["maintainer"] = "Copied Maintainer";
        dataset["url"] = "http://example.org/source";
        dataset["version"] = "not-copied-version";

        var fields = Build(dataset);
        var text = Values(fields, "text");

        Assert.Contains("copied-name", text);
        Assert.Contains("Copied title", text);
        Assert.Contains("Copied notes", text);
        Assert.Contains("copied-tag", text);
        Assert.Contains("copied-org", text);
        Assert.Contains("copied-group", text);
        Assert.Contains("Resource 1", text);
        Assert.Contains("copied extra", text);
        Assert.Contains("Copied Author", text);
        Assert.Contains("Copied Maintainer", text);
        Assert.Contains("http://example.org/source", text);
        Assert.DoesNotContain("not-copied-version", text);
        Assert.DoesNotContain("CSV", text);
        Assert.Equal(Values(fields, "url").Concat(Values(fields, "res_url")), Values(fields, "urls"));
    }

    [Fact]
    public void Dataset_keys_cannot_set_computed_fields()
    {
        var dataset = DatasetFactory.Create(
            isPrivate: true,
            extras: [("capacity", "public"), ("dataset_type", "x"), ("__sort_id", "internal")]);
        dataset["permission_labels"] = "public";
        dataset["capacity"] = "public";
        dataset["res_format"] = "CSV";

        var fields = SolrDocumentBuilder.Build(DatasetFactory.Indexed(dataset, "member-org"));

        Assert.Equal(["member-org"], Values(fields, "permission_labels"));
        Assert.Equal(["private"], Values(fields, "capacity"));
        Assert.Equal(["dataset"], Values(fields, "dataset_type"));
        Assert.Empty(Values(fields, "res_format"));
        Assert.Equal(["public"], Values(fields, "extras_capacity"));
        Assert.Empty(Values(fields, "__sort_id"));
    }

    [Fact]
    public void Permission_labels_are_indexed()
    {
        var dataset = DatasetFactory.Indexed(DatasetFactory.Create(), "member-a", "creator-b");

        var fields = SolrDocumentBuilder.Build(dataset);

        Assert.Equal(["member-a", "creator-b"], Values(fields, "permission_labels"));
    }

    private static IReadOnlyList<IndexField> Build(JsonObject dataset) =>
        SolrDocumentBuilder.Build(DatasetFactory.Indexed(dataset));

    private static List<string> Values(IReadOnlyList<IndexField> fields, string name) =>
        fields.Where(field => field.Name == name).Select(field => field.Value).ToList();
}
