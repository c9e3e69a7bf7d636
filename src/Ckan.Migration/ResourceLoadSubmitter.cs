using System.Text.Json.Nodes;

namespace Ckan.Migration;

/// <summary>
/// Queues a DataStore load of a migrated resource, given its dictionary as this portal shows it. Returns whether a
/// load was queued, which is false for a resource the DataPusher does not load.
/// </summary>
public delegate Task<bool> ResourceLoadSubmitter(JsonObject resource, CancellationToken cancellationToken);
