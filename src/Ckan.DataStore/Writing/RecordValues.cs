namespace Ckan.DataStore.Writing;

/// <summary>
/// One record to write: the columns supplied, with values already coerced to their types, and its
/// 1-based position in the request for error messages. <c>_id</c> may be among the columns.
/// </summary>
public sealed record RecordValues(int Row, IReadOnlyDictionary<string, object?> Values);
