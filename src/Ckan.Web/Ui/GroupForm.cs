using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>The fields of the organization and group forms.</summary>
public sealed class GroupForm
{
    public string Title { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string ImageUrl { get; set; } = "";

    /// <summary>Fills the form from an organization_show or group_show result.</summary>
    public static GroupForm FromGroup(JsonObject group) => new()
    {
        Title = group.Str("title") ?? "",
        Name = group.Str("name") ?? "",
        Description = group.Str("description") ?? "",
        ImageUrl = group.Str("image_url") ?? "",
    };

    /// <summary>Returns create or patch input; without a name, one is made from the title.</summary>
    public JsonObject ToActionInput() => new()
    {
        ["title"] = Title.Trim(),
        ["name"] = Name.Trim().Length > 0 ? Name.Trim() : DatasetForm.NameFromTitle(Title),
        ["description"] = Description,
        ["image_url"] = ImageUrl.Trim(),
    };
}
