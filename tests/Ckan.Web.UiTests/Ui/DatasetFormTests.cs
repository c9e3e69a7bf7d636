using Ckan.Web.Ui;

namespace Ckan.Web.UiTests.Ui;

public sealed class DatasetFormTests
{
    [Theory]
    [InlineData("Rainfall 2024", "rainfall-2024")]
    [InlineData("  Año de lluvias / Región  ", "ano-de-lluvias-region")]
    [InlineData("a -- b", "a-b")]
    [InlineData("!!!", "")]
    public void Name_from_title_is_lowercase_ascii_with_hyphens(string title, string expected)
    {
        Assert.Equal(expected, DatasetForm.NameFromTitle(title));
    }

    [Fact]
    public void Action_input_splits_tags_drops_blank_fields()
    {
        var form = new DatasetForm
        {
            Title = "Rain",
            TagString = "water, rain,, water",
            Extras = [new CustomFieldRow("spatial", "Coast"), new CustomFieldRow(" ", "ignored")],
        };

        var input = form.ToActionInput();

        Assert.Equal("rain", input["name"]!.GetValue<string>());
        Assert.Equal(["water", "rain"], input["tags"]!.AsArray().Select(tag => tag!["name"]!.GetValue<string>()));
        Assert.Single(input["extras"]!.AsArray());
        Assert.False(input.ContainsKey("owner_org"));
    }
}
