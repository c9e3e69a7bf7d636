using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>
/// The fields of the resource form (the data stage of the dataset form): a link or an uploaded file, and
/// its description. The file itself comes in the form's <c>upload</c> field, outside this class.
/// </summary>
public sealed class ResourceForm
{
    public string Url { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Format { get; set; } = "";

    /// <summary>The file name of the resource's upload, or empty for a link; never bound from the form.</summary>
    public string CurrentUpload { get; private set; } = "";

    /// <summary>Whether the resource being edited has an uploaded file.</summary>
    public bool IsUpload => CurrentUpload.Length > 0;

    /// <summary>Whether nothing was entered, which the data stage treats as "no further resource".</summary>
    public bool IsEmpty =>
        Url.Trim().Length == 0 && Name.Trim().Length == 0 && Description.Trim().Length == 0 && Format.Trim().Length == 0;

    /// <summary>Fills the form from a resource dictionary; an upload's file name stays out of the link field.</summary>
    public static ResourceForm FromResource(JsonObject resource)
    {
        var form = new ResourceForm
        {
            Name = resource.Str("name") ?? "",
            Description = resource.Str("description") ?? "",
            Format = resource.Str("format") ?? "",
        };
        form.KeepUploadOf(resource);
        if (!form.IsUpload)
        {
            form.Url = resource.Str("url") ?? "";
        }

        return form;
    }

    /// <summary>Remembers the resource's uploaded file, so that an empty link field keeps it.</summary>
    public void KeepUploadOf(JsonObject resource)
    {
        var url = resource.Str("url") ?? "";
        CurrentUpload = string.Equals(resource.Str("url_type"), "upload", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(url[(url.LastIndexOf('/') + 1)..])
            : "";
    }

    /// <summary>
    /// Returns resource_create or resource_patch input for these fields. When the resource has an upload,
    /// an empty link keeps the file and a new link replaces it (<c>clear_upload</c>, as CKAN's form sends).
    /// </summary>
    public JsonObject ToActionInput(bool hasNewFile)
    {
        var input = new JsonObject
        {
            ["name"] = Name.Trim(),
            ["description"] = Description,
            ["format"] = Format.Trim(),
        };
        var url = Url.Trim();
        if (!IsUpload || hasNewFile)
        {
            input["url"] = url;
        }
        else if (url.Length > 0)
        {
            input["url"] = url;
            input["clear_upload"] = true;
        }

        return input;
    }
}
