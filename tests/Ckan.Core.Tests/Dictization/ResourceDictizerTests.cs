using Ckan.Core.Dictization;
using Ckan.Core.Model;
using Xunit;

namespace Ckan.Core.Tests.Dictization;

public sealed class ResourceDictizerTests
{
    private const string SiteUrl = "https://data.example.org";

    [Fact]
    public void Null_text_columns_become_empty()
    {
        var resource = NewResource("http://example.org/a.csv");

        var dict = ResourceDictizer.Dictize(resource, 0, SiteUrl);

        Assert.Equal("", (string?)dict["description"]);
        Assert.Equal("", (string?)dict["format"]);
        Assert.Equal("", (string?)dict["hash"]);
    }

    [Fact]
    public void Keeps_null_for_other_optional_columns()
    {
        var resource = NewResource("http://example.org/a.csv");

        var dict = ResourceDictizer.Dictize(resource, 0, SiteUrl);

        string[] nullable =
        [
            "cache_last_updated", "cache_url", "created", "last_modified", "metadata_modified", "mimetype",
            "mimetype_inner", "name", "resource_type", "size", "url_type",
        ];
        foreach (var key in nullable)
        {
            Assert.True(dict.ContainsKey(key), $"Key {key} is missing.");
            Assert.True(dict[key] is null, $"Key {key} is {dict[key]?.ToJsonString()}, expected null.");
        }
    }

    [Fact]
    public void Copies_columns_and_formats_timestamps()
    {
        var resource = NewResource("http://example.org/a.csv") with
        {
            Name = "Data",
            Format = "CSV",
            Size = 1024,
            Created = "2024-01-31T10:20:30.000000",
            LastModified = "2024-01-31T10:20:30.500000",
            State = "active",
        };

        var dict = ResourceDictizer.Dictize(resource, 3, SiteUrl);

        Assert.Equal(resource.Id, (string?)dict["id"]);
        Assert.Equal(resource.PackageId, (string?)dict["package_id"]);
        Assert.Equal("Data", (string?)dict["name"]);
        Assert.Equal("CSV", (string?)dict["format"]);
        Assert.Equal(1024, (long?)dict["size"]);
        Assert.Equal(3, (int?)dict["position"]);
        Assert.Equal("2024-01-31T10:20:30", (string?)dict["created"]);
        Assert.Equal("2024-01-31T10:20:30.500000", (string?)dict["last_modified"]);
        Assert.Equal("active", (string?)dict["state"]);
    }

    [Fact]
    public void Flattens_extras_at_top_level()
    {
        var resource = NewResource("http://example.org/a.csv") with
        {
            Extras = """{"datastore_active": true, "custom": {"nested": [1]}}""",
        };

        var dict = ResourceDictizer.Dictize(resource, 0, SiteUrl);

        Assert.True((bool?)dict["datastore_active"]);
        Assert.Equal("""{"nested":[1]}""", dict["custom"]!.ToJsonString());
    }

    [Fact]
    public void Extras_never_replace_columns()
    {
        var resource = NewResource("http://example.org/a.csv") with { Extras = """{"url": "http://other.example"}""" };

        var dict = ResourceDictizer.Dictize(resource, 0, SiteUrl);

        Assert.Equal("http://example.org/a.csv", (string?)dict["url"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    public void Adds_nothing_for_empty_extras(string? extras)
    {
        var resource = NewResource("http://example.org/a.csv") with { Extras = extras };

        var dict = ResourceDictizer.Dictize(resource, 0, SiteUrl);

        string[] columns =
        [
            "cache_last_updated", "cache_url", "created", "description", "format", "hash", "id", "last_modified",
            "metadata_modified", "mimetype", "mimetype_inner", "name", "package_id", "position", "resource_type",
            "size", "state", "url", "url_type",
        ];
        Assert.Equal(columns, dict.Select(pair => pair.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Shows_upload_under_site_download_route()
    {
        var resource = NewResource("data file.csv") with { UrlType = "upload" };

        var url = ResourceDictizer.DisplayUrl(resource, SiteUrl);

        Assert.Equal($"{SiteUrl}/dataset/{resource.PackageId}/resource/{resource.Id}/download/data file.csv", url);
    }

    [Fact]
    public void Uses_last_segment_of_stored_upload_url()
    {
        var resource = NewResource("http://old.example.org/dataset/x/resource/y/download/report.pdf") with
        {
            UrlType = "upload",
        };

        var url = ResourceDictizer.DisplayUrl(resource, SiteUrl);

        Assert.Equal($"{SiteUrl}/dataset/{resource.PackageId}/resource/{resource.Id}/download/report.pdf", url);
    }

    [Fact]
    public void Keeps_empty_upload_url_empty()
    {
        var resource = NewResource("") with { UrlType = "upload" };

        var url = ResourceDictizer.DisplayUrl(resource, SiteUrl);

        Assert.Equal("", url);
    }

    [Theory]
    [InlineData("http://example.org/data.csv", null)]
    [InlineData("ftp://example.org/data.csv", "")]
    [InlineData("https://example.org/api?id=1", "datastore")]
    public void Keeps_linked_url(string stored, string? urlType)
    {
        var resource = NewResource(stored) with { UrlType = urlType };

        var url = ResourceDictizer.DisplayUrl(resource, SiteUrl);

        Assert.Equal(stored, url);
    }

    [Fact]
    public void Prefixes_http_to_url_without_scheme()
    {
        var resource = NewResource("example.org/data.csv");

        var dict = ResourceDictizer.Dictize(resource, 0, SiteUrl);

        Assert.Equal("http://example.org/data.csv", (string?)dict["url"]);
    }

    private static ResourceRow NewResource(string url) => new()
    {
        Id = Guid.NewGuid().ToString(),
        PackageId = Guid.NewGuid().ToString(),
        Url = url,
    };
}
