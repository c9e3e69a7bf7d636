using Ckan.DataStore.Querying;

namespace Ckan.DataStore.Writing;

/// <summary>The rows of a datastore_search_sql query; <see cref="Truncated"/> when more rows existed.</summary>
public sealed record SqlResult(IReadOnlyList<OutputColumn> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);
