using Ckan.Core.Catalog;
using Ckan.Core.Config;
using Ckan.Storage.Postgres;
using Ckan.Storage.Sqlite;

namespace Ckan.Storage;

/// <summary>
/// Chooses the catalog backend from <c>sqlalchemy.url</c>, so the profile follows from configuration alone.
/// </summary>
public static class CatalogStoreFactory
{
    /// <summary>Creates the store and its migrator for the configured database.</summary>
    public static (ICatalogStore Store, ICatalogMigrator Migrator) Create(CkanConfig config)
    {
        var url = config.SqlAlchemyUrl
            ?? throw new ConfigException(
                "sqlalchemy.url is not set; set it to sqlite:///path/to/ckan.db or "
                + "postgresql://user:password@host/database")
            {
                Option = "sqlalchemy.url",
            };
        if (url.StartsWith("sqlite:///", StringComparison.Ordinal))
        {
            var store = new SqliteCatalogStore(SqliteCatalogStore.PathFromUrl(url));
            return (store, new SqliteMigrator(store));
        }

        if (PostgresUrl.IsPostgres(url))
        {
            var store = new PostgresCatalogStore(PostgresUrl.ToConnectionString(url));
            return (store, new PostgresMigrator(store));
        }

        throw new ConfigException(
            $"sqlalchemy.url \"{RedactPassword(url)}\" names a database this build cannot use; "
            + "use sqlite:///path/to/ckan.db or postgresql://user:password@host/database.")
        {
            Option = "sqlalchemy.url",
        };
    }

    /// <summary>Returns the URL with its password, if any, replaced by <c>***</c>, for logs and messages.</summary>
    public static string RedactPassword(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0)
        {
            return url;
        }

        var credentials = url[(scheme + 3)..at];
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? url : url[..(scheme + 3 + colon + 1)] + "***" + url[at..];
    }
}
