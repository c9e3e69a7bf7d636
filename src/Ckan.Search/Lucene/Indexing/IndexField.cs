namespace Ckan.Search.Lucene.Indexing;

/// <summary>One value of one field of the Solr document CKAN builds for a dataset.</summary>
internal readonly record struct IndexField(string Name, string Value);
