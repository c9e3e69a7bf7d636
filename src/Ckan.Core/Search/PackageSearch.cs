using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Plugins;

namespace Ckan.Core.Search;

/// <summary>
/// package_search: validates CKAN's parameters, runs the search index with the caller's permission
/// labels, and shapes the result as CKAN does (count, results, facets, search_facets, sort).
/// </summary>
public static class PackageSearch
{
    private const string DefaultSort = "score desc, metadata_modified desc";

    private static readonly HashSet<string> KnownParameters = new(StringComparer.Ordinal)
    {
        "q", "fq", "fq_list", "sort", "rows", "start", "facet", "facet.field", "facet.limit", "facet.mincount",
        "fl", "include_private", "include_drafts", "include_deleted", "use_default_schema", "qf", "wt", "bf",
        "boost", "tie", "defType", "mm", "df", "q.op",
    };

    private static readonly HashSet<string> SortFields = new(StringComparer.Ordinal)
    {
        "score", "name", "title_string", "metadata_modified", "metadata_created", "num_resources", "num_tags",
    };

    /// <summary>Runs package_search and returns its result as UTF-8 JSON, ready for the envelope.</summary>
    public static async Task<ActionResult> ActionAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(context, data, cancellationToken);
        return ActionResult.FromUtf8(ToUtf8(outcome, DataDict.GetStringList(data, "fl")));
    }

    /// <summary>Validates the parameters and runs the search.</summary>
    public static async Task<PackageSearchOutcome> RunAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        RejectUnknownParameters(data);
        var config = context.Config;
        var rows = Math.Min(DataDict.GetNaturalNumber(data, "rows", 10) ?? 10, config.GetInt("ckan.search.rows_max", 1000));
        var start = DataDict.GetNaturalNumber(data, "start", 0) ?? 0;
        var facetFields = DataDict.GetBool(data, "facet", true) ? ReadFacetFields(data) : [];
        var facetLimit = DataDict.GetInt(data, "facet.limit", config.GetInt("search.facets.limit", 50)) ?? 50;
        var facetMinCount = DataDict.GetNaturalNumber(data, "facet.mincount", 1) ?? 1;
        var sortText = DataDict.GetString(data, "sort");
        if (string.IsNullOrWhiteSpace(sortText) || sortText == "rank")
        {
            sortText = config.GetString("ckan.search.default_package_sort", DefaultSort);
        }

        var query = DataDict.GetString(data, "q");
        var filters = new List<string>();
        if (DataDict.GetString(data, "fq") is { Length: > 0 } fq)
        {
            filters.Add(fq);
        }

        filters.AddRange(DataDict.GetStringList(data, "fq_list").Where(filter => filter.Length > 0));
        RejectLocalParameters("q", query);
        foreach (var filter in filters)
        {
            RejectLocalParameters("fq", filter);
        }

        var includePrivate = DataDict.GetBool(data, "include_private", false);
        if (!includePrivate)
        {
            filters.Add("capacity:public");
        }

        var states = new List<string> { "active" };
        if (DataDict.GetBool(data, "include_drafts", false))
        {
            states.Add("draft");
        }

        IReadOnlyList<string>? labels;
        await using (var session = await context.Store.OpenSessionAsync(write: false, cancellationToken))
        {
            labels = await PermissionLabels.ForCallerAsync(context, session, cancellationToken);
        }

        var request = new SearchRequest
        {
            Query = string.IsNullOrWhiteSpace(query) || query is "\"\"" or "''" ? "*:*" : query,
            Filters = filters,
            States = states,
            PermissionLabels = labels,
            FacetFields = facetFields,
            FacetLimit = facetLimit,
            FacetMinCount = facetMinCount,
            Sort = ParseSort(sortText),
            Start = start,
            Rows = rows,
            Ranking = await RankAsync(context, data, cancellationToken),
        };
        var result = await context.Services.Search.SearchAsync(request, cancellationToken);
        var (facets, searchFacets) = await FacetDisplay.BuildAsync(context, result.Facets, cancellationToken);
        return new PackageSearchOutcome
        {
            Count = result.Count,
            Results = result.Results,
            Facets = facets,
            SearchFacets = searchFacets,
            Sort = sortText,
        };
    }

    /// <summary>
    /// Serializes the outcome as CKAN's result dictionary, copying stored datasets without parsing them
    /// unless <paramref name="fields"/> (the fl parameter) requests a subset.
    /// </summary>
    public static byte[] ToUtf8(PackageSearchOutcome outcome, IReadOnlyList<string> fields)
    {
        var selected = fields.SelectMany(field => field.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var buffer = new ArrayBufferWriter<byte>(4096 + outcome.Results.Sum(result => result.Length));
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("count", outcome.Count);
            writer.WritePropertyName("facets");
            outcome.Facets.WriteTo(writer);
            writer.WriteStartArray("results");
            foreach (var json in outcome.Results)
            {
                if (selected.Count == 0)
                {
                    writer.WriteRawValue(json, skipInputValidation: true);
                    continue;
                }

                var dataset = JsonNode.Parse(json)!.AsObject();
                var subset = new JsonObject();
                foreach (var field in selected.Where(dataset.ContainsKey))
                {
                    subset[field] = dataset[field]?.DeepClone();
                }

                subset.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteString("sort", outcome.Sort);
            writer.WritePropertyName("search_facets");
            outcome.SearchFacets.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<SearchRanking?> RankAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        SearchRanking? ranking = null;
        foreach (var plugin in context.Services.Plugins.Of<ISearchRankingPlugin>())
        {
            ranking = await plugin.RankAsync(context, data, cancellationToken) ?? ranking;
        }

        return ranking;
    }

    private static IReadOnlyList<string> ReadFacetFields(JsonObject data)
    {
        if (!data.TryGetPropertyValue("facet.field", out var node) || node is null)
        {
            return [];
        }

        if (node is JsonArray list)
        {
            return list.Select(DataDict.AsString).OfType<string>().ToList();
        }

        // Over GET the list arrives as JSON text, as CKAN's clients send it: facet.field=["tags","res_format"].
        var text = DataDict.AsString(node) ?? "";
        try
        {
            if (JsonNode.Parse(text) is JsonArray parsed)
            {
                return parsed.Select(DataDict.AsString).OfType<string>().ToList();
            }
        }
        catch (JsonException)
        {
            // Reported below with CKAN's message.
        }

        throw ValidationException.ForField("facet.field", "Not a list");
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

    private static void RejectLocalParameters(string parameter, string? value)
    {
        if (value is not null && value.TrimStart().StartsWith("{!", StringComparison.Ordinal))
        {
            throw new SearchException($"\"Local parameters are not supported in param '{parameter}'.\"");
        }
    }

    private static IReadOnlyList<(string Field, bool Descending)> ParseSort(string sort)
    {
        var order = new List<(string Field, bool Descending)>();
        foreach (var clause in sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var direction = parts.Length > 1 ? parts[1].ToLowerInvariant() : "asc";
            var field = parts[0] == "title" ? "title_string" : parts[0];
            if (parts.Length > 2 || !SortFields.Contains(field) || direction is not ("asc" or "desc"))
            {
                throw new SearchQueryException("'Invalid \"sort\" parameter'");
            }

            order.Add((field, direction == "desc"));
        }

        return order;
    }
}
