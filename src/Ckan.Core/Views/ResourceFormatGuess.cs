using System.Text.Json.Nodes;

namespace Ckan.Core.Views;

/// <summary>The format view types match on, as CKAN's <c>datapreview.res_format</c> guesses it.</summary>
public static class ResourceFormatGuess
{
    /// <summary>
    /// Returns the resource's format in lower case, or the last dot-separated part of its URL when the format
    /// is empty; an empty string for a resource without a URL.
    /// </summary>
    public static string Of(JsonObject resource)
    {
        var url = resource["url"]?.GetValue<string>() ?? "";
        if (url.Length == 0)
        {
            return "";
        }

        var format = resource["format"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(format))
        {
            return format.ToLowerInvariant();
        }

        var path = url.Split('?', '#')[0];
        return path[(path.LastIndexOf('.') + 1)..].ToLowerInvariant();
    }
}
