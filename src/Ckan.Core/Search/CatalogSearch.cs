using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Auth;
using Ckan.Core.Catalog;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Core.Search;

/// <summary>
/// package_search answered from the catalog database: paging, counting, sorting, private and draft
/// visibility, and filters on name, id, organization, groups and tags; bare words match name, title,
/// notes and tags. Facets and full Solr syntax are not supported here and fail with a clear error.
/// </summary>
public static class CatalogSearch
{
    private static readonly HashSet<string> KnownParameters = new(StringComparer.Ordinal)
    {
        "q", "fq", "fq_list", "sort", "rows", "start", "facet", "facet.field", "facet.limit", "facet.mincount",
        "fl", "include_private", "include_drafts", "include_deleted", "use_default_schema", "qf", "wt", "bf",
        "boost", "tie", "defType", "mm", "df", "q.op",
    };

    private static readonly HashSet<string> SortFields = new(StringComparer.Ordinal)
    {
        "score", "name", "title_string", "title", "metadata_modified", "metadata_created",
    };

    /// <summary>Runs the search and returns CKAN's result dictionary.</summary>
    public static async Task<JsonObject> SearchAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        RejectUnknownParameters(data);
        var rowsMax = context.Config.GetInt("ckan.search.rows_max", 1000);
        var rows = Math.Min(DataDict.GetNaturalNumber(data, "rows", 10) ?? 10, rowsMax);
        var start = DataDict.GetNaturalNumber(data, "start", 0) ?? 0;
        var sortText = DataDict.GetString(data, "sort");
        if (string.IsNullOrWhiteSpace(sortText) || sortText == "rank")
        {
            sortText = context.Config.GetString("ckan.search.default_package_sort", "score desc, metadata_modified desc");
        }

        if (DataDict.GetStringList(data, "facet.field").Count > 0)
        {
            throw new SearchQueryException("facet.field is not supported by the catalog search.");
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        var query = await BuildQueryAsync(context, session, data, cancellationToken) with
        {
            Sort = ParseSort(sortText),
            Limit = rows,
            Offset = start,
        };
        var page = await session.SearchPackagesAsync(query, cancellationToken);

        var results = new JsonArray();
        var reader = context.WithoutAuth();
        foreach (var id in page.Ids)
        {
            results.Add(await PackageReader.ShowDictAsync(reader, id, cancellationToken));
        }

        return new JsonObject
        {
            ["count"] = page.Count,
            ["facets"] = new JsonObject(),
            ["results"] = results,
            ["sort"] = sortText,
            ["search_facets"] = new JsonObject(),
        };
    }

    private static void RejectUnknownParameters(JsonObject data)
    {
        var unknown = data
            .Select(pair => pair.Key)
            .Where(key => !KnownParameters.Contains(key) && !key.StartsWith("ext_", StringComparison.Ordinal))
            .ToList();
        if (unknown.Count > 0)
        {
            var list = string.Join(", ", unknown.Select(key => $"'{key}'"));
            throw new SearchQueryException($"\"Invalid search parameters: [{list}]\"");
        }
    }

    private static async Task<PackageQuery> BuildQueryAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var terms = new List<QueryTerm>();
        terms.AddRange(QueryTermParser.Parse(DataDict.GetString(data, "q") ?? "", "q"));
        terms.AddRange(QueryTermParser.Parse(DataDict.GetString(data, "fq") ?? "", "fq"));
        foreach (var filter in DataDict.GetStringList(data, "fq_list"))
        {
            terms.AddRange(QueryTermParser.Parse(filter, "fq_list"));
        }

        var includePrivate = DataDict.GetBool(data, "include_private", false) && context.User is not null
            || DataDict.GetBool(data, "include_private", false) && context.IsSysadmin;
        var states = new List<string> { "active" };
        if (DataDict.GetBool(data, "include_drafts", false) && context.IsSysadmin)
        {
            states.Add("draft");
        }

        if (DataDict.GetBool(data, "include_deleted", false) && context.IsSysadmin)
        {
            states.Add("deleted");
        }

        var readable = includePrivate && !context.IsSysadmin
            ? await Authorizer.OrganizationsWithPermissionAsync(context, session, Permissions.Read, cancellationToken)
            : [];
        return ApplyTerms(terms, new PackageQuery
        {
            States = states,
            IncludePrivate = includePrivate,
            IncludeAllPrivate = context.IsSysadmin,
            ReadableOrganizationIds = readable,
        });
    }

    private static PackageQuery ApplyTerms(IReadOnlyList<QueryTerm> terms, PackageQuery query)
    {
        List<string> words = [], names = [], ids = [], organizations = [], groups = [], tags = [];
        List<string> notOrganizations = [], notTags = [];
        foreach (var term in terms)
        {
            var target = (term.Field, term.IsNegated) switch
            {
                (null, false) or ("text", false) => words,
                ("name", false) => names,
                ("id", false) => ids,
                ("organization", false) => organizations,
                ("organization", true) => notOrganizations,
                ("groups", false) => groups,
                ("tags", false) => tags,
                ("tags", true) => notTags,
                ("dataset_type", false) or ("type", false) or ("capacity", false) or ("state", false) => null,
                _ => throw new SearchQueryException(
                    $"the catalog search cannot filter on {(term.IsNegated ? "-" : "")}{term.Field ?? "text"}; "
                    + "supported fields are name, id, organization, groups and tags."),
            };
            target?.Add(term.Value);
        }

        return query with
        {
            Words = words.Where(word => word != "*").ToList(),
            Names = names,
            Ids = ids,
            OrganizationNames = organizations,
            GroupNames = groups,
            Tags = tags,
            ExcludedOrganizationNames = notOrganizations,
            ExcludedTags = notTags,
        };
    }

    private static IReadOnlyList<(string Field, bool Descending)> ParseSort(string sort)
    {
        var order = new List<(string Field, bool Descending)>();
        foreach (var clause in sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var direction = parts.Length > 1 ? parts[1].ToLowerInvariant() : "asc";
            if (parts.Length > 2 || !SortFields.Contains(parts[0]) || direction is not ("asc" or "desc"))
            {
                throw new SearchQueryException("'Invalid \"sort\" parameter'");
            }

            if (parts[0] != "score")
            {
                order.Add((parts[0], direction == "desc"));
            }
        }

        return order;
    }
}
