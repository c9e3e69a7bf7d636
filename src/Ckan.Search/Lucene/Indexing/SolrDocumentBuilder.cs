using System.Text.Json.Nodes;
using Ckan.Core.Search;

namespace Ckan.Search.Lucene.Indexing;

/// <summary>
/// Flattens a package_show dictionary into the fields of the Solr document CKAN 2.11 indexes
/// (ckan/lib/search/index.py, <c>index_package</c>), including the copies into the catch-all
/// <c>text</c> field that CKAN's schema.xml makes with copyField.
/// </summary>
internal static class SolrDocumentBuilder
{
    /// <summary>
    /// Top-level keys turned into other fields below rather than indexed under their own name.
    /// NOTE: CKAN also indexes relationships (depends_on, child_of and the like) under the related
    /// datasets' names, which it looks up in the catalog. Those fields stay empty here.
    /// </summary>
    private static readonly HashSet<string> RestructuredKeys = new(StringComparer.Ordinal)
    {
        "extras", "tags", "groups", "organization", "resources", "relationships_as_subject",
        "relationships_as_object", "tracking_summary", "title",
    };

    /// <summary>
    /// Fields the schema copies into <c>text</c>; extras_*, res_extras_* and vocab_* also are. Its copy of
    /// <c>text</c> into itself is left out, since it would only repeat the values.
    /// </summary>
    private static readonly HashSet<string> CopiedToText = new(StringComparer.Ordinal)
    {
        "urls", "name", "title", "license", "notes", "tags", "groups", "organization", "res_name",
        "res_description", "maintainer", "author",
    };

    /// <summary>Fields the schema copies into <c>urls</c>.</summary>
    private static readonly HashSet<string> CopiedToUrls = new(StringComparer.Ordinal)
    {
        "url", "ckan_url", "download_url", "res_url",
    };

    /// <summary>
    /// Fields computed here, which CKAN sets after copying the dataset's keys and so overwrites. A dataset
    /// key or extra with such a name is not indexed under it, so a custom field named permission_labels or
    /// capacity cannot change who can find the dataset.
    /// </summary>
    private static readonly HashSet<string> ComputedFields = new(StringComparer.Ordinal)
    {
        "capacity", "entity_type", "dataset_type", "permission_labels", "title_string", "index_id", "site_id",
        "text", "urls", "indexed_ts", "res_name", "res_description", "res_format", "res_url", "res_type",
        "data_dict", "validated_data_dict",
    };

    /// <summary>Solr fields CKAN reserves, so an extra with such a key gets no bare copy.</summary>
    private static readonly HashSet<string> ReservedFields = new(StringComparer.Ordinal)
    {
        "entity_type", "res_url", "text", "urls", "indexed_ts", "site_id", "tags", "groups", "res_name",
        "res_description", "res_format", "res_type",
    };

    private static readonly (string Key, string Field)[] ResourceFields =
    [
        ("name", "res_name"),
        ("description", "res_description"),
        ("format", "res_format"),
        ("url", "res_url"),
        ("resource_type", "res_type"),
    ];

    /// <summary>Builds the fields of one dataset.</summary>
    public static IReadOnlyList<IndexField> Build(IndexedDataset dataset)
    {
        var dictionary = dataset.Dictionary;
        var fields = new List<IndexField>(64);
        AddTopLevelFields(dictionary, fields);
        AddTitle(dictionary, fields);
        AddExtras(dictionary, fields);
        AddTags(dataset, fields);
        AddGroupsAndOrganization(dictionary, fields);
        AddResources(dictionary, fields);
        fields.Add(new IndexField("capacity", IsTrue(dictionary["private"]) ? "private" : "public"));
        fields.Add(new IndexField("entity_type", "package"));
        if (JsonScalars.Property(dictionary, "type") is { } type)
        {
            fields.Add(new IndexField("dataset_type", type));
        }

        fields.AddRange(dataset.PermissionLabels.Select(label => new IndexField("permission_labels", label)));
        AddCopies(fields);
        return fields;
    }

    /// <summary>
    /// Adds every scalar or list-of-scalars key under its own name, as CKAN sends the whole dictionary to
    /// Solr. Keys the schema does not declare fall to its dynamic fields.
    /// </summary>
    private static void AddTopLevelFields(JsonObject dictionary, List<IndexField> fields)
    {
        foreach (var (key, node) in dictionary)
        {
            if (RestructuredKeys.Contains(key)
                || ComputedFields.Contains(key)
                || !Schema.SolrSchema.IsQueryable(key))
            {
                continue;
            }

            fields.AddRange(JsonScalars.Values(node).Select(value => new IndexField(key, value)));
        }
    }

    /// <summary>Adds the title without leading spaces, which would sort before letters, and its sort copy.</summary>
    private static void AddTitle(JsonObject dictionary, List<IndexField> fields)
    {
        var title = JsonScalars.Property(dictionary, "title");
        if (string.IsNullOrEmpty(title))
        {
            return;
        }

        fields.Add(new IndexField("title", title.TrimStart()));
        fields.Add(new IndexField("title_string", title));
    }

    /// <summary>
    /// Adds each extra as <c>extras_{key}</c> (key reduced to letters, digits, '_' and '-'), and under the
    /// bare key too when no dataset key or reserved field already has that name.
    /// </summary>
    private static void AddExtras(JsonObject dictionary, List<IndexField> fields)
    {
        if (dictionary["extras"] is not JsonArray extras)
        {
            return;
        }

        foreach (var extra in extras.OfType<JsonObject>())
        {
            var key = new string((JsonScalars.Property(extra, "key") ?? "").Where(IsKeyCharacter).ToArray());
            var value = extra["value"] is JsonArray list
                ? string.Join(' ', JsonScalars.Values(list))
                : JsonScalars.AsText(extra["value"]);
            if (value is null)
            {
                continue;
            }

            fields.Add(new IndexField("extras_" + key, value));
            if (Schema.SolrSchema.IsQueryable(key)
                && !ReservedFields.Contains(key)
                && !ComputedFields.Contains(key)
                && !dictionary.ContainsKey(key))
            {
                fields.Add(new IndexField(key, value));
            }
        }
    }

    /// <summary>
    /// Adds free tags to <c>tags</c> and vocabulary tags to <c>vocab_{vocabulary name}</c>, as CKAN does.
    /// A vocabulary whose name was not given is named by its id, so its tags stay searchable.
    /// </summary>
    private static void AddTags(IndexedDataset dataset, List<IndexField> fields)
    {
        if (dataset.Dictionary["tags"] is not JsonArray tags)
        {
            return;
        }

        foreach (var tag in tags.OfType<JsonObject>())
        {
            if (JsonScalars.Property(tag, "name") is not { } name)
            {
                continue;
            }

            var vocabulary = JsonScalars.Property(tag, "vocabulary_id");
            if (string.IsNullOrEmpty(vocabulary))
            {
                fields.Add(new IndexField("tags", name));
                continue;
            }

            var vocabularyName = dataset.VocabularyNames.GetValueOrDefault(vocabulary, vocabulary);
            fields.Add(new IndexField("vocab_" + vocabularyName, name));
        }
    }

    private static void AddGroupsAndOrganization(JsonObject dictionary, List<IndexField> fields)
    {
        if (dictionary["groups"] is JsonArray groups)
        {
            foreach (var name in groups.OfType<JsonObject>().Select(group => JsonScalars.Property(group, "name")))
            {
                if (name is not null)
                {
                    fields.Add(new IndexField("groups", name));
                }
            }
        }

        if (JsonScalars.Property(dictionary["organization"] as JsonObject, "name") is { } organization)
        {
            fields.Add(new IndexField("organization", organization));
        }
    }

    /// <summary>
    /// Flattens resources into the parallel res_* fields. CKAN adds an empty string for a missing value;
    /// empty values are left out here, so they neither match <c>res_format:""</c> nor show as a facet.
    /// Resource extras (res_extras_*) are indexed by CKAN only for columns listed in
    /// ckan.extra_resource_fields, which is empty by default, so none are indexed.
    /// </summary>
    private static void AddResources(JsonObject dictionary, List<IndexField> fields)
    {
        if (dictionary["resources"] is not JsonArray resources)
        {
            return;
        }

        foreach (var resource in resources.OfType<JsonObject>())
        {
            foreach (var (key, field) in ResourceFields)
            {
                if (JsonScalars.Property(resource, key) is { Length: > 0 } value)
                {
                    fields.Add(new IndexField(field, value));
                }
            }
        }
    }

    /// <summary>Adds the copyField targets: <c>urls</c> first, then <c>text</c>, which also copies urls.</summary>
    private static void AddCopies(List<IndexField> fields)
    {
        var count = fields.Count;
        for (var i = 0; i < count; i++)
        {
            if (CopiedToUrls.Contains(fields[i].Name))
            {
                fields.Add(new IndexField("urls", fields[i].Value));
            }
        }

        count = fields.Count;
        for (var i = 0; i < count; i++)
        {
            if (IsCopiedToText(fields[i].Name))
            {
                fields.Add(new IndexField("text", fields[i].Value));
            }
        }
    }

    private static bool IsCopiedToText(string field) =>
        CopiedToText.Contains(field)
        || field.StartsWith("extras_", StringComparison.Ordinal)
        || field.StartsWith("res_extras_", StringComparison.Ordinal)
        || field.StartsWith("vocab_", StringComparison.Ordinal);

    private static bool IsTrue(JsonNode? node) => JsonScalars.AsText(node) == "true";

    private static bool IsKeyCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '_' or '-';
}
