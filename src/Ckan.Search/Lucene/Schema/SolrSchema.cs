namespace Ckan.Search.Lucene.Schema;

/// <summary>
/// The fields of CKAN 2.11's Solr schema (ckan/config/solr/schema.xml) and how each is indexed here.
/// Fields not declared there follow its dynamic rules: <c>extras_*</c> and <c>res_extras_*</c> are text,
/// <c>vocab_*</c> is a string, <c>*_date</c> is a date, and any other name is a string.
/// </summary>
internal static class SolrSchema
{
    public const string DefaultField = "text";

    private static readonly Dictionary<string, FieldKind> DeclaredFields = new(StringComparer.Ordinal)
    {
        ["text"] = FieldKind.Text,
        ["title"] = FieldKind.Text,
        ["notes"] = FieldKind.Text,
        ["author"] = FieldKind.Text,
        ["author_email"] = FieldKind.Text,
        ["maintainer"] = FieldKind.Text,
        ["maintainer_email"] = FieldKind.Text,
        ["res_name"] = FieldKind.Text,
        ["res_description"] = FieldKind.Text,
        ["urls"] = FieldKind.Text,
        ["depends_on"] = FieldKind.Text,
        ["dependency_of"] = FieldKind.Text,
        ["derives_from"] = FieldKind.Text,
        ["has_derivation"] = FieldKind.Text,
        ["links_to"] = FieldKind.Text,
        ["linked_from"] = FieldKind.Text,
        ["child_of"] = FieldKind.Text,
        ["parent_of"] = FieldKind.Text,
        ["metadata_created"] = FieldKind.Date,
        ["metadata_modified"] = FieldKind.Date,
        ["num_resources"] = FieldKind.Integer,
        ["num_tags"] = FieldKind.Integer,
    };

    /// <summary>
    /// Exact fields whose values are unique per dataset or resource, or secret: counting them as facets
    /// is useless, so they get no doc values.
    /// </summary>
    private static readonly HashSet<string> Unfaceted = new(StringComparer.Ordinal)
    {
        "id", "index_id", "url", "res_url", "title_string", "permission_labels",
    };

    /// <summary>Returns how the field is indexed and queried.</summary>
    public static FieldKind KindOf(string field)
    {
        if (DeclaredFields.TryGetValue(field, out var kind))
        {
            return kind;
        }

        if (IsTextDynamicField(field))
        {
            return FieldKind.Text;
        }

        if (field.StartsWith("vocab_", StringComparison.Ordinal))
        {
            return FieldKind.Exact;
        }

        return field.EndsWith("_date", StringComparison.Ordinal) ? FieldKind.Date : FieldKind.Exact;
    }

    /// <summary>
    /// Returns whether the field's whole values are kept as doc values for facet counts: every exact and
    /// integer field except unique ones, and the text fields made from extras.
    /// </summary>
    public static bool IsFaceted(string field) => KindOf(field) switch
    {
        FieldKind.Exact => !Unfaceted.Contains(field),
        FieldKind.Integer => true,
        FieldKind.Text => IsTextDynamicField(field),
        _ => false,
    };

    /// <summary>Returns whether queries may name the field; internal fields are hidden.</summary>
    public static bool IsQueryable(string field) =>
        field.Length > 0 && !field.StartsWith(IndexFieldNames.ReservedPrefix, StringComparison.Ordinal);

    private static bool IsTextDynamicField(string field) =>
        field.StartsWith("extras_", StringComparison.Ordinal)
        || field.StartsWith("res_extras_", StringComparison.Ordinal);
}
