namespace Ckan.Search.Lucene.Schema;

/// <summary>How a field of CKAN's Solr schema is indexed and queried.</summary>
internal enum FieldKind
{
    /// <summary>Analyzed text: tokenized, lowercased, accent-folded and stemmed.</summary>
    Text,

    /// <summary>A whole value kept as one case-sensitive token, as Solr's string type.</summary>
    Exact,

    /// <summary>A point in time with millisecond precision, searchable with ranges and date math.</summary>
    Date,

    /// <summary>A 32-bit integer, searchable with ranges.</summary>
    Integer,
}
