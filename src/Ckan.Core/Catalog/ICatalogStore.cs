namespace Ckan.Core.Catalog;

/// <summary>
/// The catalog database (SQLite in the embedded default, PostgreSQL in the server profile).
/// Implementations are thread safe; each request opens its own session.
/// </summary>
public interface ICatalogStore
{
    /// <summary>
    /// A number that changes whenever a write session commits in this process, so caches of
    /// catalog reads can tell they are stale.
    /// </summary>
    long ChangeVersion { get; }

    /// <summary>
    /// Opens a session. A write session runs in one transaction that <see cref="ICatalogSession.CommitAsync"/>
    /// commits; disposing it without committing rolls everything back.
    /// </summary>
    Task<ICatalogSession> OpenSessionAsync(bool write, CancellationToken cancellationToken = default);
}
