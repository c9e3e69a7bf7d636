using Ckan.Core.Actions;
using Ckan.Core.Json;
using Ckan.DataStore.Actions;

namespace Ckan.DataStore;

/// <summary>
/// The <c>datastore</c> plugin: adds the datastore_* actions to the portal and, as CKAN's plugin does,
/// drops a resource's table when the resource is deleted.
/// </summary>
public static class DataStorePlugin
{
    /// <summary>Registers the actions on the portal's registry; call once at start.</summary>
    public static void Register(CkanServices services, IDataStore store, DataStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var create = new DataStoreCreate(store);
        var upsert = new DataStoreUpsert(store);
        var delete = new DataStoreDelete(store);
        var search = new DataStoreSearch(store, options);
        var registry = services.Actions;
        registry
            .Add("datastore_create", create.CreateAsync)
            .Add("datastore_upsert", upsert.UpsertAsync)
            .Add("datastore_delete", delete.DeleteAsync)
            .Add("datastore_records_delete", delete.RecordsDeleteAsync)
            .AddRead("datastore_search", search.SearchAsync)
            .AddRead("datastore_info", search.InfoAsync);
        if (options.SqlSearchEnabled)
        {
            registry.AddRead("datastore_search_sql", new DataStoreSearchSql(store, options).SearchSqlAsync);
        }

        var resourceDelete = registry.Find("resource_delete")
            ?? throw new InvalidOperationException("resource_delete must be registered before the datastore plugin.");
        registry.Add("resource_delete", async (context, data, cancellationToken) =>
        {
            var result = await resourceDelete.Handler(context, data, cancellationToken);
            if (DataDict.GetString(data, "id") is { Length: > 0 } id)
            {
                await store.DropAsync(id, cancellationToken);
            }

            return result;
        });
    }
}
