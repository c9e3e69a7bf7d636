using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.DataStore.Schema;

/// <summary>
/// Guesses a column type from a sample value the way CKAN's datastore_create does for fields given
/// without a type: JSON integers are <c>int</c>, other numbers <c>float</c>, objects and lists
/// <c>nested</c>; strings that read as integers, decimals or one of CKAN's date patterns become
/// <c>integer</c>, <c>numeric</c> or <c>timestamp</c>; anything else is <c>text</c>.
/// </summary>
public static class TypeGuesser
{
    private static readonly string[] DatePatterns =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ",
        "dd/MM/yyyy", "MM/dd/yyyy", "dd-MM-yyyy", "MM-dd-yyyy",
    ];

    /// <summary>Returns the type name CKAN would guess (as CKAN reports it in datastore_create's result).</summary>
    public static string Guess(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject or JsonArray:
                return "nested";
            case null:
                return "text";
        }

        var kind = value.GetValueKind();
        var culture = CultureInfo.InvariantCulture;
        if (kind == JsonValueKind.Number)
        {
            return long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, culture, out _) ? "int" : "float";
        }

        if (kind != JsonValueKind.String)
        {
            return "text";
        }

        var text = value.GetValue<string>();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, culture, out _))
        {
            return "integer";
        }

        if (decimal.TryParse(text, NumberStyles.Float, culture, out _))
        {
            return "numeric";
        }

        return DateTime.TryParseExact(text, DatePatterns, culture, DateTimeStyles.None, out _) ? "timestamp" : "text";
    }
}
