using System.Text.Json.Nodes;
using Ckan.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ckan.Web.Pages;

/// <summary>The home page: introduction, search box, counts, recent datasets and organizations.</summary>
public sealed class IndexModel(ActionRunner actions) : PageModel
{
    public SiteSettings Site { get; private set; } = null!;
    public long DatasetCount { get; private set; }
    public int OrganizationCount { get; private set; }
    public int GroupCount { get; private set; }
    public IReadOnlyList<JsonObject> RecentDatasets { get; private set; } = [];
    public IReadOnlyList<JsonObject> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Site = await SiteSettings.LoadAsync(actions.Services, cancellationToken);
        var recent = await actions.RunObjectAsync(
            "package_search",
            new JsonObject
            {
                ["rows"] = 5,
                ["sort"] = "metadata_modified desc",
                ["include_private"] = true,
                ["facet"] = false,
            },
            cancellationToken);
        DatasetCount = recent.Number("count");
        RecentDatasets = recent.List("results");

        var organizations = await actions.RunListAsync("organization_list", [], cancellationToken);
        OrganizationCount = organizations.Count;
        var groups = await actions.RunListAsync("group_list", [], cancellationToken);
        GroupCount = groups.Count;

        var top = await actions.RunListAsync(
            "organization_list",
            new JsonObject { ["all_fields"] = true, ["sort"] = "package_count desc", ["limit"] = 6 },
            cancellationToken);
        Organizations = top.OfType<JsonObject>().ToList();
    }
}
