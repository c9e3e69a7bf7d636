using System.Text.Json.Nodes;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages.User;

/// <summary>A user's profile: name, description, and the datasets they created that the viewer may see.</summary>
public sealed class ReadModel(ActionRunner actions) : PageModel
{
    public JsonObject Profile { get; private set; } = [];
    public IReadOnlyList<JsonObject> Datasets { get; private set; } = [];
    public long DatasetCount { get; private set; }
    public bool IsSelf { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Profile = await actions.RunObjectAsync("user_show", new JsonObject { ["id"] = id }, cancellationToken);
        var userId = Profile.Str("id") ?? "";
        IsSelf = string.Equals(actions.User?.Id, userId, StringComparison.Ordinal);

        // CKAN's profile page lists the user's own drafts to the user, and private datasets to those who may read them.
        var search = await actions.RunObjectAsync(
            "package_search",
            new JsonObject
            {
                ["fq"] = "creator_user_id:\"" + userId + "\"",
                ["include_private"] = true,
                ["include_drafts"] = IsSelf,
                ["rows"] = 50,
                ["sort"] = "metadata_modified desc",
                ["facet"] = false,
            },
            cancellationToken);
        Datasets = search.List("results");
        DatasetCount = search.Number("count");
    }
}
