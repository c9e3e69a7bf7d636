using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Dictization;

namespace Ckan.Core.Search;

/// <summary>
/// Turns facet counts into CKAN's two facet shapes, with display names: organization and group titles,
/// license titles, and the value itself for other fields.
/// </summary>
public static class FacetDisplay
{
    /// <summary>
    /// Returns <c>facets</c> and <c>search_facets</c>. The group and organization names of a facet are
    /// looked up in one catalog call per facet.
    /// </summary>
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
            var displayNames = await DisplayNamesAsync(context, session, field, values, cancellationToken);
            var plain = new JsonObject();
            var items = new JsonArray();
            foreach (var value in values)
            {
                plain[value.Value] = value.Count;
                items.Add(new JsonObject
                {
                    ["count"] = value.Count,
                    ["display_name"] = displayNames.GetValueOrDefault(value.Value, value.Value),
                    ["name"] = value.Value,
                });
            }

            facets[field] = plain;
            searchFacets[field] = new JsonObject { ["items"] = items, ["title"] = field };
        }

        return (facets, searchFacets);
    }

    /// <summary>Returns the display names of a facet's values that differ from the values themselves.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(
        ActionContext context,
        ICatalogSession session,
        string field,
        IReadOnlyList<FacetCount> values,
        CancellationToken cancellationToken)
    {
        switch (field)
        {
            case "organization":
            case "groups":
                var names = values.Select(value => value.Value).ToList();
                var groups = await session.GetGroupsByNameAsync(names, cancellationToken);
                return groups.ToDictionary(pair => pair.Key, pair => GroupDictizer.DisplayName(pair.Value));
            case "license_id":
                return values
                    .Select(value => (value.Value, Title: context.Services.Licenses.Find(value.Value)?.Title))
                    .Where(license => license.Title is not null)
                    .ToDictionary(license => license.Value, license => license.Title!);
            default:
                return new Dictionary<string, string>();
        }
    }
}
