using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Search;

namespace Ckan.Bench.Search;

/// <summary>
/// One package_search request of the benchmark, always asking for the organization, tags and res_format
/// facets and the default 10 rows, as a portal's dataset page does.
/// </summary>
internal sealed record BenchQuery(string Kind, string? Q, string? Fq, string? Sort)
{
    public static readonly IReadOnlyList<string> FacetFields = ["organization", "tags", "res_format"];

    private static readonly string FacetFieldJson = new JsonArray(
        FacetFields.Select(field => (JsonNode?)JsonValue.Create(field)).ToArray()).ToJsonString();

    /// <summary>Returns the GET path and query string of the request.</summary>
    public string ToPath()
    {
        var path = new StringBuilder("/api/3/action/package_search?facet.field=")
            .Append(Uri.EscapeDataString(FacetFieldJson));
        Append(path, "q", Q);
        Append(path, "fq", Fq);
        Append(path, "sort", Sort);
        return path.ToString();
    }

    /// <summary>Returns the action's input as the Action API decodes it from <see cref="ToPath"/>.</summary>
    public JsonObject ToActionData()
    {
        var data = new JsonObject { ["facet.field"] = FacetFieldJson };
        if (Q is not null)
        {
            data["q"] = Q;
        }

        if (Fq is not null)
        {
            data["fq"] = Fq;
        }

        if (Sort is not null)
        {
            data["sort"] = Sort;
        }

        return data;
    }

    /// <summary>
    /// Returns the request package_search sends to the index for an anonymous caller: the public
    /// capacity filter, active datasets, the public permission label and facet defaults.
    /// </summary>
    public SearchRequest ToIndexRequest() => new()
    {
        Query = Q ?? "*:*",
        Filters = Fq is null ? ["capacity:public"] : [Fq, "capacity:public"],
        States = ["active"],
        PermissionLabels = [PermissionLabels.Public],
        FacetFields = FacetFields,
        FacetLimit = 50,
        FacetMinCount = 1,
        Sort = Sort is null
            ? [("score", true), ("metadata_modified", true)]
            : [(Sort.Split(' ')[0], Sort.EndsWith(" desc", StringComparison.Ordinal))],
        Rows = 10,
    };

    private static void Append(StringBuilder path, string name, string? value)
    {
        if (value is not null)
        {
            path.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
