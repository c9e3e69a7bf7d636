using System.Text.Json.Nodes;

namespace Ckan.DataStore.Schema;

/// <summary>
/// One user column of a DataStore table: its name, type and the free-form data dictionary
/// (<c>info</c>) CKAN keeps beside it.
/// </summary>
public sealed record DataStoreField(string Id, FieldType Type, JsonObject? Info = null);
