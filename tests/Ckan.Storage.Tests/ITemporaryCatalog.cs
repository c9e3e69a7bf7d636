using Ckan.Core.Catalog;

namespace Ckan.Storage.Tests;

/// <summary>
/// A catalog database made for one test and removed on dispose, with raw SQL helpers that reach the rows
/// and tables the catalog interfaces do not expose. The SQL given must run on every backend.
/// </summary>
internal interface ITemporaryCatalog : IAsyncDisposable
{
    ICatalogStore Store { get; }

    ICatalogMigrator Migrator { get; }

    /// <summary>Returns the single number that <paramref name="sql"/> selects.</summary>
    Task<long> ScalarAsync(string sql, object? parameters, CancellationToken cancellationToken);

    /// <summary>Returns the text values of the first column that <paramref name="sql"/> selects.</summary>
    Task<IReadOnlyList<string>> QueryTextAsync(string sql, object? parameters, CancellationToken cancellationToken);

    /// <summary>Runs a statement outside the catalog interfaces.</summary>
    Task ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken);

    /// <summary>Returns the names of the catalog's tables, sorted.</summary>
    Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken);
}

/// <summary>Session helpers shared by every <see cref="ITemporaryCatalog"/>.</summary>
internal static class TemporaryCatalogSessions
{
    /// <summary>Runs <paramref name="write"/> in a write session and commits it.</summary>
    public static async Task WriteAsync(
        this ITemporaryCatalog catalog,
        Func<ICatalogSession, Task> write,
        CancellationToken cancellationToken)
    {
        await using var session = await catalog.Store.OpenSessionAsync(write: true, cancellationToken);
        await write(session);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="read"/> in a new read session and returns its result.</summary>
    public static async Task<T> ReadAsync<T>(
        this ITemporaryCatalog catalog,
        Func<ICatalogSession, Task<T>> read,
        CancellationToken cancellationToken)
    {
        await using var session = await catalog.Store.OpenSessionAsync(write: false, cancellationToken);
        return await read(session);
    }
}
