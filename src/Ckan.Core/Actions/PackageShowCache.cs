using System.Collections.Concurrent;
using Ckan.Core.Catalog;

namespace Ckan.Core.Actions;

/// <summary>
/// Serialized package_show results, keyed by dataset id and by name. An entry is valid only while the
/// catalog's change version is the one it was made at, so any committed write empties the cache in
/// effect. Authorization still runs on every hit, from the facts kept in the entry.
/// </summary>
public sealed class PackageShowCache(ICatalogStore store)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, PackageShowCacheEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>Returns the valid entry for an id or name, or null.</summary>
    public PackageShowCacheEntry? Find(string idOrName)
    {
        if (!_entries.TryGetValue(idOrName, out var entry))
        {
            return null;
        }

        return entry.Version == store.ChangeVersion ? entry : null;
    }

    /// <summary>Stores an entry under the dataset's id and name.</summary>
    public void Add(PackageShowCacheEntry entry)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[entry.Id] = entry;
        _entries[entry.Name] = entry;
    }
}
