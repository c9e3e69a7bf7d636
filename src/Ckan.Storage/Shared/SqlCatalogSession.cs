namespace Ckan.Storage.Shared;

/// <summary>
/// The part of a catalog session whose SQL is the same on SQLite and PostgreSQL, written once over the
/// query helpers that each backend's session provides. Split by aspect into partial files.
/// </summary>
internal abstract partial class SqlCatalogSession
{
    protected abstract Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql,
        object? parameters,
        CancellationToken cancellationToken);

    protected abstract Task<T?> QuerySingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken);

    protected abstract Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken);
}
