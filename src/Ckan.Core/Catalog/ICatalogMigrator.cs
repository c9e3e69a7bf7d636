namespace Ckan.Core.Catalog;

/// <summary>Creates, upgrades and empties the catalog schema.</summary>
public interface ICatalogMigrator
{
    /// <summary>Applies every pending migration and returns the names of those applied.</summary>
    Task<IReadOnlyList<string>> UpgradeAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the name of the newest applied migration, or null on an empty database.</summary>
    Task<string?> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes every row of every catalog table, keeping the schema.</summary>
    Task CleanAsync(CancellationToken cancellationToken = default);
}
