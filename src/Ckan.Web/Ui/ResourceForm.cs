using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>The fields of the resource form (the data stage of the dataset form): a link and its description.</summary>
public sealed class ResourceForm
{
    public string Url { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Format { get; set; } = "";

    /// <summary>Whether nothing was entered, which the data stage treats as "no further resource".</summary>
    public bool IsEmpty =>
        Url.Trim().Length == 0 && Name.Trim().Length == 0 && Description.Trim().Length == 0 && Format.Trim().Length == 0;

    /// <summary>Fills the form from a resource dictionary.</summary>
    public static ResourceForm FromResource(JsonObject resource) => new()
    {
        Url = resource.Str("url") ?? "",
        Name = resource.Str("name") ?? "",
        Description = resource.Str("description") ?? "",
        Format = resource.Str("format") ?? "",
    };

    /// <summary>Returns resource_create or resource_patch input for these fields.</summary>
    public JsonObject ToActionInput() => new()
    {
        ["url"] = Url.Trim(),
        ["name"] = Name.Trim(),
        ["description"] = Description,
        ["format"] = Format.Trim(),
    };
}
