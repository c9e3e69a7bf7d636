using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Xunit;

namespace Ckan.Core.Tests.Json;

public sealed class DataDictTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("y")]
    [InlineData("t")]
    [InlineData("1")]
    [InlineData(" yes ")]
    public void Reads_true_words_as_true(string text)
    {
        var data = new JsonObject { ["flag"] = text };

        var value = DataDict.GetBool(data, "flag", defaultValue: false);

        Assert.True(value);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("no")]
    [InlineData("off")]
    [InlineData("0")]
    [InlineData("")]
    public void Reads_false_words_as_false(string text)
    {
        var data = new JsonObject { ["flag"] = text };

        var value = DataDict.GetBool(data, "flag", defaultValue: true);

        Assert.False(value);
    }

    [Fact]
    public void Reads_json_booleans_and_numbers()
    {
        var data = ParseObject("""{"yes": true, "no": false, "one": 1, "zero": 0}""");

        Assert.True(DataDict.GetBool(data, "yes", defaultValue: false));
        Assert.False(DataDict.GetBool(data, "no", defaultValue: true));
        Assert.True(DataDict.GetBool(data, "one", defaultValue: false));
        Assert.False(DataDict.GetBool(data, "zero", defaultValue: true));
    }

    [Fact]
    public void Absent_or_null_boolean_takes_default()
    {
        var data = new JsonObject { ["flag"] = null };

        Assert.True(DataDict.GetBool(data, "flag", defaultValue: true));
        Assert.True(DataDict.GetBool(data, "missing", defaultValue: true));
        Assert.False(DataDict.GetBool(data, "missing", defaultValue: false));
    }

    [Fact]
    public void Reads_integers_from_numbers_and_text()
    {
        var data = ParseObject("""{"number": 25, "text": "7", "padded": " 8 ", "negative": "-3"}""");

        Assert.Equal(25, DataDict.GetInt(data, "number", null));
        Assert.Equal(7, DataDict.GetInt(data, "text", null));
        Assert.Equal(8, DataDict.GetInt(data, "padded", null));
        Assert.Equal(-3, DataDict.GetInt(data, "negative", null));
    }

    [Fact]
    public void Absent_null_or_empty_integer_takes_default()
    {
        var data = ParseObject("""{"null": null, "empty": "", "blank": "  "}""");

        Assert.Equal(10, DataDict.GetInt(data, "missing", 10));
        Assert.Equal(10, DataDict.GetInt(data, "null", 10));
        Assert.Equal(10, DataDict.GetInt(data, "empty", 10));
        Assert.Equal(10, DataDict.GetInt(data, "blank", 10));
        Assert.Null(DataDict.GetInt(data, "missing", null));
    }

    [Theory]
    [InlineData("""{"rows": "abc"}""")]
    [InlineData("""{"rows": "1.5"}""")]
    [InlineData("""{"rows": 1.5}""")]
    [InlineData("""{"rows": "10 rows"}""")]
    [InlineData("""{"rows": [1]}""")]
    [InlineData("""{"rows": {"n": 1}}""")]
    public void Rejects_non_integer_with_invalid_integer(string json)
    {
        var data = ParseObject(json);

        var error = Assert.Throws<ValidationException>(() => DataDict.GetInt(data, "rows", 10));

        Assert.Equal("""{"rows":["Invalid integer"]}""", error.Errors.ToJsonString());
    }

    [Fact]
    public void Accepts_whole_number_written_with_fraction()
    {
        var data = ParseObject("""{"rows": 3.0}""");

        var value = DataDict.GetInt(data, "rows", 10);

        Assert.Equal(3, value);
    }

    [Fact]
    public void Natural_number_accepts_zero_and_positive()
    {
        var data = ParseObject("""{"zero": "0", "start": 20}""");

        Assert.Equal(0, DataDict.GetNaturalNumber(data, "zero", null));
        Assert.Equal(20, DataDict.GetNaturalNumber(data, "start", null));
        Assert.Equal(5, DataDict.GetNaturalNumber(data, "missing", 5));
    }

    [Fact]
    public void Natural_number_rejects_negative()
    {
        var data = new JsonObject { ["start"] = "-1" };

        var error = Assert.Throws<ValidationException>(() => DataDict.GetNaturalNumber(data, "start", 0));

        Assert.Equal("""{"start":["Must be a natural number"]}""", error.Errors.ToJsonString());
    }

    [Fact]
    public void Natural_number_rejects_text_as_invalid_integer()
    {
        var data = new JsonObject { ["start"] = "first" };

        var error = Assert.Throws<ValidationException>(() => DataDict.GetNaturalNumber(data, "start", 0));

        Assert.Equal("""{"start":["Invalid integer"]}""", error.Errors.ToJsonString());
    }

    [Fact]
    public void Splits_comma_list_and_drops_empty_parts()
    {
        var data = new JsonObject { ["fields"] = " name, title,,notes , " };

        var values = DataDict.GetStringList(data, "fields");

        Assert.Equal(["name", "title", "notes"], values);
    }

    [Fact]
    public void Reads_json_array_as_list()
    {
        var data = ParseObject("""{"fields": ["a,b", 2, null, true]}""");

        var values = DataDict.GetStringList(data, "fields");

        Assert.Equal(["a,b", "2", "True"], values);
    }

    [Fact]
    public void Absent_or_null_list_is_empty()
    {
        var data = new JsonObject { ["fields"] = null };

        Assert.Empty(DataDict.GetStringList(data, "fields"));
        Assert.Empty(DataDict.GetStringList(data, "missing"));
    }

    [Fact]
    public void Reads_values_as_text_in_python_spelling()
    {
        var data = ParseObject(
            """{"text": "x", "number": 1.5, "yes": true, "no": false, "null": null, "object": {"a": [1, 2]}}""");

        Assert.Equal("x", DataDict.GetString(data, "text"));
        Assert.Equal("1.5", DataDict.GetString(data, "number"));
        Assert.Equal("True", DataDict.GetString(data, "yes"));
        Assert.Equal("False", DataDict.GetString(data, "no"));
        Assert.Null(DataDict.GetString(data, "null"));
        Assert.Equal("""{"a":[1,2]}""", DataDict.GetString(data, "object"));
        Assert.Null(DataDict.GetString(data, "missing"));
    }

    [Fact]
    public void Has_counts_key_with_null_value()
    {
        var data = new JsonObject { ["present"] = null };

        Assert.True(DataDict.Has(data, "present"));
        Assert.False(DataDict.Has(data, "missing"));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"id": null}""")]
    [InlineData("""{"id": ""}""")]
    public void Require_rejects_absent_null_or_empty(string json)
    {
        var data = ParseObject(json);

        var error = Assert.Throws<ValidationException>(() => DataDict.Require(data, "id"));

        Assert.Equal("""{"id":["Missing value"]}""", error.Errors.ToJsonString());
    }

    [Fact]
    public void Require_returns_present_value()
    {
        var data = new JsonObject { ["id"] = "my-dataset" };

        var value = DataDict.Require(data, "id");

        Assert.Equal("my-dataset", value);
    }

    private static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException($"Not a JSON object: {json}", nameof(json));
}
