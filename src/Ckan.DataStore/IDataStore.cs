using Ckan.Core.Tabular;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;

namespace Ckan.DataStore;

/// <summary>
/// The DataStore's tables, one per resource, named by the resource id. Implementations do no
/// authorization: callers (the actions, the dump endpoint, the CLI) check the caller's rights first.
/// Thread safe, with one instance per portal.
/// </summary>
public interface IDataStore : IAsyncDisposable
{
    /// <summary>The backend's name for logs: <c>sqlite</c> or <c>postgresql</c>.</summary>
    string Backend { get; }

    /// <summary>Creates what the store needs (metadata tables, functions) when missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the table of a resource id or alias (with its real id), or null when there is none.
    /// <c>_table_metadata</c> returns the listing of all tables.
    /// </summary>
    Task<TableSchema?> FindTableAsync(string resourceIdOrAlias, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the table or adds the new fields to it, sets its primary key, indexes and aliases, then
    /// inserts the records, all in one transaction.
    /// </summary>
    /// <exception cref="Core.Errors.ValidationException">A record or key breaks the table's rules.</exception>
    Task<TableSchema> CreateAsync(TableDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts, updates or upserts records in one transaction, rolled back when <paramref name="dryRun"/>.
    /// </summary>
    /// <exception cref="Core.Errors.ValidationException">A record is missing its key, matches nothing
    /// (update) or breaks a uniqueness constraint.</exception>
    Task WriteAsync(
        TableSchema schema,
        WriteMethod method,
        IReadOnlyList<RecordValues> records,
        bool dryRun,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes the rows matching every filter (all rows for an empty list); returns how many.</summary>
    Task<long> DeleteRowsAsync(
        TableSchema schema,
        IReadOnlyList<FilterClause> filters,
        CancellationToken cancellationToken = default);

    /// <summary>Drops a resource's table with its aliases; returns false when there was none.</summary>
    Task<bool> DropAsync(string resourceId, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of results, with the total when the query includes it.</summary>
    Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Streams every matching row (no page limit unless the query has one), for dumps.</summary>
    IAsyncEnumerable<object?[]> ReadAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the matching rows as CSV lines without a header (delimiter <paramref name="delimiter"/>)
    /// when the backend can do it faster than row by row; returns false otherwise.
    /// </summary>
    Task<bool> TryCopyDelimitedAsync(
        SearchQuery query,
        Stream output,
        char delimiter,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs one read-only SELECT with the guarantees of datastore_search_sql: only allowed functions,
    /// only DataStore tables (each passed to <paramref name="authorizeTables"/> first), a read-only
    /// connection and transaction, and a time limit. At most <paramref name="rowsMax"/> rows come back.
    /// </summary>
    Task<SqlResult> SearchSqlAsync(
        string sql,
        Func<IReadOnlyList<string>, CancellationToken, Task> authorizeTables,
        int rowsMax,
        CancellationToken cancellationToken = default);

    /// <summary>Returns the row count, sizes and column details <c>datastore_info</c> reports.</summary>
    Task<TableInfo> InfoAsync(TableSchema schema, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads rows into a new table for the resource and swaps it in atomically: readers see the old
    /// table until the new one is complete, and a failure (bad value, cancellation) leaves the old table
    /// as it was. Rows hold one value per field, either already typed (as <see cref="ValueCoercer"/>
    /// returns them) or text to be read as the field's type. Aliases of the old table are kept.
    /// PostgreSQL loads with binary COPY; SQLite with batched prepared inserts in one transaction.
    /// On PostgreSQL the <c>_full_text</c> column and its index are filled in the background after the
    /// swap, and <c>q</c> searches of the table wait for that fill.
    /// </summary>
    /// <returns>The number of rows loaded.</returns>
    /// <exception cref="BulkLoadException">A row has a value its column cannot hold.</exception>
    Task<long> BulkLoadAsync(
        string resourceId,
        IReadOnlyList<DataStoreField> fields,
        IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a bulk load that takes typed values one at a time (see <see cref="ITypedRowWriter"/>), with the
    /// guarantees of <see cref="BulkLoadAsync"/>: the new table replaces the old one only when the writer
    /// commits. Returns null when the backend has no such load (SQLite) or a field's type is not one of the
    /// scalar types the writer takes; the caller then uses <see cref="BulkLoadAsync"/>.
    /// </summary>
    Task<ITypedRowWriter?> BeginTypedLoadAsync(
        string resourceId,
        IReadOnlyList<DataStoreField> fields,
        CancellationToken cancellationToken = default);
}
