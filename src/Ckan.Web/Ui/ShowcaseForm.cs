using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>The fields of the showcase form, as posted and as sent to ckanext_showcase_create or _update.</summary>
public sealed class ShowcaseForm
{
    public string? Title { get; set; }
    public string? Name { get; set; }
    public string? Notes { get; set; }
    public string? Url { get; set; }
    public string? ImageUrl { get; set; }
    public string? Author { get; set; }
    public string? AuthorEmail { get; set; }

    /// <summary>Returns the form filled from a showcase dictionary.</summary>
    public static ShowcaseForm FromShowcase(JsonObject showcase) => new()
    {
        Title = showcase.Str("title"),
        Name = showcase.Str("name"),
        Notes = showcase.Str("notes"),
        Url = showcase.Str("url"),
        ImageUrl = ImageUrlOf(showcase),
        Author = showcase.Str("author"),
        AuthorEmail = showcase.Str("author_email"),
    };

    /// <summary>Returns the action input; the image URL is kept as an extra, as ckanext-showcase stores it.</summary>
    public JsonObject ToActionInput()
    {
        var input = new JsonObject
        {
            ["title"] = Title ?? "",
            ["name"] = Name ?? "",
            ["notes"] = Notes ?? "",
            ["url"] = Url ?? "",
            ["author"] = Author ?? "",
            ["author_email"] = AuthorEmail ?? "",
        };
        if (!string.IsNullOrWhiteSpace(ImageUrl))
        {
            input["extras"] = new JsonArray(new JsonObject { ["key"] = "image_url", ["value"] = ImageUrl });
        }

        return input;
    }

    /// <summary>Returns the showcase's image URL from its top-level key or its extras, or null.</summary>
    public static string? ImageUrlOf(JsonObject showcase)
    {
        if (showcase.Str("image_url") is { Length: > 0 } direct)
        {
            return direct;
        }

        return showcase.List("extras")
            .FirstOrDefault(extra => string.Equals(extra.Str("key"), "image_url", StringComparison.Ordinal))
            ?.Str("value");
    }
}
