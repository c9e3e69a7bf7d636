using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ckan.Search.Tests;

/// <summary>
/// Reads the facts tests expect from package_show dictionaries directly, without the index: exact field
/// values, dates, counts and the words of the text CKAN copies into its catch-all field.
/// </summary>
public static class DatasetFacts
{
    public static string Id(JsonObject dataset) => dataset["id"]!.GetValue<string>();

    public static string? Text(JsonObject dataset, string key) =>
        dataset[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static IEnumerable<string> Tags(JsonObject dataset) => Objects(dataset, "tags")
        .Where(tag => tag["vocabulary_id"] is null)
        .Select(tag => tag["name"]!.GetValue<string>());

    public static IEnumerable<string> Groups(JsonObject dataset) =>
        Objects(dataset, "groups").Select(group => group["name"]!.GetValue<string>());

    public static string? Organization(JsonObject dataset) =>
        dataset["organization"] is JsonObject organization ? organization["name"]!.GetValue<string>() : null;

    public static IEnumerable<JsonObject> Resources(JsonObject dataset) => Objects(dataset, "resources");

    public static IEnumerable<string> Formats(JsonObject dataset) => Resources(dataset)
        .Select(resource => Text(resource, "format"))
        .OfType<string>()
        .Where(format => format.Length > 0);

    /// <summary>Returns the values of an exact (string) field of CKAN's Solr document.</summary>
    public static IEnumerable<string> ExactValues(JsonObject dataset, string field) => field switch
    {
        "tags" => Tags(dataset),
        "groups" => Groups(dataset),
        "organization" => Organization(dataset) is { } organization ? [organization] : [],
        "res_format" => Formats(dataset),
        "capacity" => [dataset["private"]!.GetValue<bool>() ? "private" : "public"],
        "dataset_type" => [Text(dataset, "type")!],
        _ => Text(dataset, field) is { } value ? [value] : [],
    };

    public static DateTime Modified(JsonObject dataset) => ParseUtc(Text(dataset, "metadata_modified")!);

    public static DateTime Created(JsonObject dataset) => ParseUtc(Text(dataset, "metadata_created")!);

    public static int Integer(JsonObject dataset, string key) => dataset[key]!.GetValue<int>();

    /// <summary>
    /// Returns the words of the values CKAN copies into <c>text</c>: name, title, notes, tags, groups,
    /// organization, resource names, descriptions and URLs, extras, the dataset URL, author and maintainer.
    /// Each value is split separately on anything but letters and digits, lowercased and stripped of accents.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> TextValueWords(JsonObject dataset)
    {
        var values = new List<string?>
        {
            Text(dataset, "name"), Text(dataset, "title"), Text(dataset, "notes"), Text(dataset, "url"),
            Text(dataset, "author"), Text(dataset, "maintainer"), Organization(dataset),
        };
        values.AddRange(Objects(dataset, "tags").Select(tag => Text(tag, "name")));
        values.AddRange(Groups(dataset));
        foreach (var resource in Resources(dataset))
        {
            values.Add(Text(resource, "name"));
            values.Add(Text(resource, "description"));
            values.Add(Text(resource, "url"));
        }

        values.AddRange(Objects(dataset, "extras").Select(extra => Text(extra, "value")));
        return values.OfType<string>().Select(Words).ToList();
    }

    /// <summary>Returns whether any copied text value has one of the words.</summary>
    public static bool HasWord(JsonObject dataset, params string[] forms) =>
        TextValueWords(dataset).Any(words => words.Any(forms.Contains));

    /// <summary>
    /// Returns whether a word of <paramref name="first"/> is directly followed by a word of
    /// <paramref name="second"/>.
    /// </summary>
    public static bool HasPhrase(IReadOnlyList<string> words, string[] first, string[] second)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (first.Contains(words[i]) && second.Contains(words[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Splits text into lowercase words without accents, approximating Unicode word boundaries (UAX #29).
    /// Letters, digits and '_' form words. '.', ':' and apostrophes join two letters, so "data.gov.uk" is
    /// one word, and '.' and ',' join two digits. Each Chinese or Japanese character is a word of its own.
    /// A trailing "'s" is dropped, as English possessives are.
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var previous = current.Length > 0 ? current[^1] : ' ';
            if (IsIdeograph(character))
            {
                Flush(current, words);
                words.Add(Plain(character.ToString()));
            }
            else if (char.IsLetterOrDigit(character) || character == '_' || IsMark(character))
            {
                current.Append(character);
            }
            else if (character is '.' or ':' or '\'' or '\u2019' && IsWordLetter(previous) && IsWordLetter(next)
                || character is '.' or ',' && char.IsDigit(previous) && char.IsDigit(next))
            {
                current.Append(character);
            }
            else
            {
                Flush(current, words);
            }
        }

        Flush(current, words);
        return words;
    }

    /// <summary>Compares strings by their UTF-8 bytes, the order Lucene sorts terms in.</summary>
    public static int CompareUtf8(string? left, string? right) =>
        Encoding.UTF8.GetBytes(left ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right ?? ""));

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = Plain(current.ToString());
        current.Clear();
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        words.Add(word);
    }

    private static string Plain(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed.Where(character => !IsMark(character)))
        {
            plain.Append(character);
        }

        return plain.ToString();
    }

    private static bool IsMark(char character) =>
        CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark;

    private static bool IsWordLetter(char character) => char.IsLetter(character) && !IsIdeograph(character);

    private static bool IsIdeograph(char character) =>
        char.IsLetter(character)
        && character is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static IEnumerable<JsonObject> Objects(JsonObject dataset, string key) =>
        dataset[key] is JsonArray array ? array.OfType<JsonObject>() : [];

    private static DateTime ParseUtc(string text) =>
        DateTime.Parse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
