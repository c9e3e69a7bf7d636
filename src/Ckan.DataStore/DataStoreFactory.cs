using Ckan.DataStore.Postgres;
using Ckan.DataStore.Safety;
using Ckan.DataStore.Sqlite;

namespace Ckan.DataStore;

/// <summary>Creates the configured backend: PostgreSQL when the write URL is a postgresql:// URL, else the embedded file.</summary>
public static class DataStoreFactory
{
    /// <summary>Returns the store for the options, not yet initialized.</summary>
    public static IDataStore Create(DataStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var guard = new SqlGuard(AllowedFunctions.Load(options.AllowedFunctionsFile));
        return options.IsPostgres
            ? new PostgresDataStore(options.WriteUrl!, options.ReadUrl!, options.TimeoutMilliseconds)
            {
                Guard = guard,
                FullTextIndexMethod = options.FullTextIndexMethod,
            }
            : new SqliteDataStore(options.SqlitePath, options.TimeoutMilliseconds) { Guard = guard };
    }
}
