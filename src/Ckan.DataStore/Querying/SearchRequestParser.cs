using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Querying;

/// <summary>
/// Validates datastore_search's parameters against a table, as CKAN does: unknown columns in
/// <c>filters</c>, <c>fields</c>, <c>sort</c> or a <c>q</c> dictionary are rejected with
/// <c>invalid value</c>, and filter values must read as their column's type. Shared by the action
/// and the dump endpoint.
/// </summary>
public static class SearchRequestParser
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "resource_id", "id", "filters", "q", "full_text", "plain", "language", "limit", "offset", "fields",
        "sort", "distinct", "include_total", "total_estimation_threshold", "records_format",
        "calculate_record_count", "format", "bom",
    };

    /// <summary>Returns the query for <paramref name="data"/> on a table; <paramref name="limit"/> is already capped.</summary>
    /// <exception cref="ValidationException">A parameter is invalid; every problem is listed.</exception>
    public static SearchQuery Parse(JsonObject data, TableSchema schema, int? limit, string defaultLanguage)
    {
        var errors = new JsonObject();
        var junk = data.Select(pair => pair.Key).Where(key => !Known.Contains(key)).ToList();
        if (junk.Count > 0)
        {
            errors["__junk"] = new JsonArray($"The input field [{string.Join(", ", junk.Select(key => "'" + key + "'"))}] was not expected.");
        }

        var filters = ReadFilters(data["filters"], schema, errors);
        var language = DataDict.GetString(data, "language") is { Length: > 0 } given ? given : defaultLanguage;
        var plain = ReadBool(data, "plain", true, errors);
        var texts = ReadTextQueries(data, schema, plain, language, errors);
        var fields = ReadFields(data["fields"], schema, errors);
        var sort = ReadSort(data["sort"], schema, texts, errors);
        var offset = DataDict.GetNaturalNumber(data, "offset", 0) ?? 0;
        var threshold = ReadThreshold(data, errors);
        var distinct = ReadBool(data, "distinct", false, errors);
        var includeTotal = ReadBool(data, "include_total", true, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new SearchQuery
        {
            Schema = schema,
            Filters = filters,
            TextQueries = texts,
            Fields = fields ?? [],
            HasFieldList = fields is not null,
            Sort = sort,
            Distinct = distinct,
            Limit = limit,
            Offset = offset,
            IncludeTotal = includeTotal,
            TotalEstimationThreshold = threshold,
        };
    }

    /// <summary>Reads <c>limit</c>: absent gives <paramref name="defaultRows"/>, larger than the maximum is capped.</summary>
    public static int ReadLimit(JsonObject data, int defaultRows, int maxRows)
    {
        var limit = DataDict.GetNaturalNumber(data, "limit", defaultRows)
            ?? throw ValidationException.ForField("limit", "Must be a natural number");
        return Math.Min(limit, maxRows);
    }

    private static List<FilterClause> ReadFilters(JsonNode? node, TableSchema schema, JsonObject errors)
    {
        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                node = JsonNode.Parse(text.GetValue<string>());
            }
            catch (JsonException)
            {
                errors["filters"] = new JsonArray("Cannot parse JSON");
                return [];
            }
        }

        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject filters)
        {
            errors["filters"] = new JsonArray("Not a json object");
            return [];
        }

        var clauses = new List<FilterClause>();
        foreach (var (column, value) in filters)
        {
            var type = ColumnType(schema, column);
            if (type is null)
            {
                errors["filters"] = new JsonArray($"invalid value \"{column}\"");
                continue;
            }

            var isList = value is JsonArray && !type.IsArray;
            var items = isList ? value!.AsArray().ToList() : [value];
            try
            {
                var values = items.Select(item => type.IsText && item is JsonValue
                    ? InputLists.AsText(item)
                    : ValueCoercer.Coerce(item, type)).ToList();
                clauses.Add(new FilterClause(column, type, values, isList));
            }
            catch (FormatException error)
            {
                errors["filters"] = new JsonArray($"invalid value \"{column}\": {error.Message}");
            }
        }

        return clauses;
    }

    private static List<TextQuery> ReadTextQueries(
        JsonObject data,
        TableSchema schema,
        bool plain,
        string language,
        JsonObject errors)
    {
        var texts = new List<TextQuery>();
        if (DataDict.GetString(data, "full_text") is { Length: > 0 } fullText)
        {
            texts.Add(new TextQuery(null, fullText, plain, language));
        }

        var q = data["q"];
        if (q is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            q = ParseQueryDictionary(value.GetValue<string>()) ?? q;
        }

        switch (q)
        {
            case null:
                break;
            case JsonObject perField:
                foreach (var (field, text) in perField)
                {
                    if (schema.Find(field) is null)
                    {
                        errors["q"] = new JsonArray($"invalid value \"{field}\"");
                        continue;
                    }

                    texts.Add(new TextQuery(field, InputLists.AsText(text), plain, language));
                }

                break;
            default:
                var whole = InputLists.AsText(q);
                if (whole.Length > 0 && texts.Count == 0)
                {
                    texts.Add(new TextQuery(null, whole, plain, language));
                }

                break;
        }

        return texts;
    }

    // A q sent in a query string is a JSON object text when it searches per field, as CKAN accepts.
    private static JsonObject? ParseQueryDictionary(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string>? ReadFields(JsonNode? node, TableSchema schema, JsonObject errors)
    {
        if (node is null)
        {
            return null;
        }

        var names = InputLists.Read(node);
        if (names is null)
        {
            errors["fields"] = new JsonArray("Not a list");
            return null;
        }

        foreach (var name in names.Where(name => ColumnType(schema, name) is null))
        {
            errors["fields"] = new JsonArray($"invalid value \"{name}\"");
        }

        return names.ToList();
    }

    private static List<SortClause> ReadSort(
        JsonNode? node,
        TableSchema schema,
        IReadOnlyList<TextQuery> texts,
        JsonObject errors)
    {
        var terms = InputLists.Read(node, stripQuotes: false);
        if (terms is null)
        {
            errors["sort"] = new JsonArray("Not a list");
            return [];
        }

        var clauses = new List<SortClause>();
        foreach (var term in terms.Where(term => term.Length > 0))
        {
            var clause = SortTermParser.Parse(term);
            var known = clause is not null && (ColumnType(schema, clause.Column) is not null
                || texts.Any(text => string.Equals(text.RankName, clause.Column, StringComparison.Ordinal)));
            if (!known)
            {
                errors["sort"] = new JsonArray($"invalid value \"{term}\"");
                continue;
            }

            clauses.Add(clause!);
        }

        return clauses;
    }

    private static int? ReadThreshold(JsonObject data, JsonObject errors)
    {
        if (data["total_estimation_threshold"] is null)
        {
            return null;
        }

        var value = DataDict.GetInt(data, "total_estimation_threshold", null);
        if (value is null)
        {
            errors["total_estimation_threshold"] = new JsonArray("Invalid integer");
        }

        return value;
    }

    private static bool ReadBool(JsonObject data, string key, bool defaultValue, JsonObject errors)
    {
        try
        {
            return DataDict.GetBool(data, key, defaultValue);
        }
        catch (ValidationException)
        {
            errors[key] = new JsonArray("Not a boolean");
            return defaultValue;
        }
    }

    private static FieldType? ColumnType(TableSchema schema, string column) =>
        string.Equals(column, "_id", StringComparison.Ordinal) ? FieldType.Int4 : schema.Find(column)?.Type;
}
