using System.Globalization;
using System.Resources;
using Ckan.Web.Ui;

namespace Ckan.Web.UiTests.Ui;

public sealed class UiTextTests
{
    private static readonly ResourceManager Text = new("Ckan.Web.Resources.Ui.UiText", typeof(UiText).Assembly);

    [Fact]
    public void Every_english_string_has_a_spanish_translation()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var spanish = Entries(CultureInfo.GetCultureInfo("es"));

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), spanish.Keys.Order(StringComparer.Ordinal));
        Assert.All(spanish, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    [Fact]
    public void Format_placeholders_match_between_languages()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var spanish = Entries(CultureInfo.GetCultureInfo("es"));

        foreach (var (key, value) in english)
        {
            Assert.True(
                Placeholders(value).SetEquals(Placeholders(spanish[key])),
                $"{key}: \"{value}\" and \"{spanish[key]}\" use different placeholders.");
        }
    }

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        // The manager caches and shares the set, so it is not disposed here.
        var set = Text.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!, StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(match => match.Value).ToHashSet();
}
