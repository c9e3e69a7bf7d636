using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Dictization;

namespace Ckan.Core.Search;

/// <summary>
/// Turns facet counts into CKAN's two facet shapes, with display names: organization and group titles,
/// license titles, and the value itself for other fields.
/// </summary>
public static class FacetDisplay
{
    /// <summary>Returns <c>facets</c> and <c>search_facets</c>.</summary>
    public static async Task<(JsonObject Facets, JsonObject SearchFacets)> BuildAsync(
        ActionContext context,
        IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> counts,
        CancellationToken cancellationToken)
    {
        var facets = new JsonObject();
        var searchFacets = new JsonObject();
        if (counts.Count == 0)
        {
            return (facets, searchFacets);
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        foreach (var (field, values) in counts)
        {
            var plain = new JsonObject();
            var items = new JsonArray();
            foreach (var value in values)
            {
                plain[value.Value] = value.Count;
                items.Add(new JsonObject
                {
                    ["count"] = value.Count,
                    ["display_name"] = await DisplayNameAsync(context, session, field, value.Value, cancellationToken),
                    ["name"] = value.Value,
                });
            }

            facets[field] = plain;
            searchFacets[field] = new JsonObject { ["items"] = items, ["title"] = field };
        }

        return (facets, searchFacets);
    }

    private static async Task<string> DisplayNameAsync(
        ActionContext context,
        Catalog.ICatalogSession session,
        string field,
        string value,
        CancellationToken cancellationToken)
    {
        switch (field)
        {
            case "organization":
            case "groups":
                var group = await session.GetGroupAsync(value, cancellationToken);
                return group is null ? value : GroupDictizer.DisplayName(group);
            case "license_id":
                return context.Services.Licenses.Find(value)?.Title ?? value;
            default:
                return value;
        }
    }
}
