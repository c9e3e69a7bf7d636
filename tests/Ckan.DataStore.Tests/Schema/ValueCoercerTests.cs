using System.Text.Json.Nodes;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Tests.Schema;

public sealed class ValueCoercerTests
{
    private static FieldType Type(string name) => FieldType.Parse(name)!;

    [Fact]
    public void Integers_read_from_numbers_and_strings()
    {
        Assert.Equal(42, ValueCoercer.Coerce(JsonValue.Create(42), Type("int")));
        Assert.Equal(42, ValueCoercer.Coerce(JsonValue.Create(" 42 "), Type("int4")));
        Assert.Equal(9007199254740993L, ValueCoercer.Coerce(JsonNode.Parse("9007199254740993"), Type("bigint")));
    }

    [Fact]
    public void Empty_string_is_null_outside_text_columns()
    {
        Assert.Null(ValueCoercer.Coerce(JsonValue.Create(""), Type("int")));
        Assert.Equal("", ValueCoercer.Coerce(JsonValue.Create(""), Type("text")));
    }

    [Fact]
    public void Numeric_keeps_every_digit_as_json_number_text()
    {
        var value = ValueCoercer.Coerce(JsonValue.Create("+.5"), Type("numeric"));
        var big = ValueCoercer.Coerce(JsonNode.Parse("123456789012345678901234567890.000001"), Type("numeric"));

        Assert.Equal(new NumericText("0.5"), value);
        Assert.Equal(new NumericText("123456789012345678901234567890.000001"), big);
    }

    [Theory]
    [InlineData("int4", "abc", "invalid input syntax for type integer: \"abc\"")]
    [InlineData("int4", "3000000000", "invalid input syntax for type integer: \"3000000000\"")]
    [InlineData("bool", "maybe", "invalid input syntax for type boolean: \"maybe\"")]
    [InlineData("date", "2020-13-40", "invalid input syntax for type date: \"2020-13-40\"")]
    [InlineData("numeric", "1,5", "invalid input syntax for type numeric: \"1,5\"")]
    public void Values_that_do_not_fit_say_why(string type, string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ValueCoercer.Coerce(JsonValue.Create(text), Type(type)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Timestamps_accept_iso_forms_and_drop_the_zone_marker()
    {
        var stamp = ValueCoercer.Coerce(JsonValue.Create("2020-02-03T04:05:06Z"), Type("timestamp"));

        Assert.Equal(new DateTime(2020, 2, 3, 4, 5, 6, DateTimeKind.Unspecified), stamp);
    }

    [Fact]
    public void Arrays_coerce_each_item_and_refuse_scalars()
    {
        var items = (object?[])ValueCoercer.Coerce(JsonNode.Parse("[1, \"2\", null]"), Type("_int4"))!;

        Assert.Equal(new object?[] { 1, 2, null }, items);
        Assert.Throws<FormatException>(() => ValueCoercer.Coerce(JsonValue.Create(5), Type("_int4")));
    }

    [Fact]
    public void Json_columns_keep_the_document_text()
    {
        Assert.Equal(new JsonText("""{"a":[1,2]}"""), ValueCoercer.Coerce(JsonNode.Parse("""{"a": [1, 2]}"""), Type("json")));
    }
}
