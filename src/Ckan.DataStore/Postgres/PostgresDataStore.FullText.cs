using System.Collections.Concurrent;
using Ckan.Core.Errors;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ckan.DataStore.Postgres;

// A bulk load makes the table active before its _full_text column is filled. Computing to_tsvector for
// every row and building the full-text index take several times as long as the COPY itself (about
// 13 s and 22 s against 1.7 s for 1M rows of 10 columns, measured for docs/benchmarks.md), so the
// resource is datastore_active as soon as the rows are in, and the fill runs afterwards in the
// background. The full-text index marks a finished fill: a q search on a table without it waits for
// the fill (this process's, or another process's through an advisory lock), up to the query timeout.
public sealed partial class PostgresDataStore
{
    // The first key of the advisory locks that serialize fills of one table across processes.
    private const int FillLockClass = 0x434b4654;

    // Rows updated per statement, each in its own transaction, so a fill holds row locks only briefly.
    private const int FillBatchRows = 50_000;

    private readonly ConcurrentDictionary<string, Task> _fills = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Logs the background fills of <c>_full_text</c>; set by the host once logging exists.</summary>
    public ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    // Returns once the table's _full_text column is filled and indexed when the query searches it, starting
    // the fill when this process does not run it. The index is looked up on every such search, because
    // another process (a DataPusher worker) may have replaced the table. Waits at most the query timeout.
    private async Task WaitForFullTextAsync(
        NpgsqlConnection connection,
        SearchQuery query,
        CancellationToken cancellationToken)
    {
        var resourceId = query.Schema.ResourceId;
        if (query.TextQueries.All(text => text.Field is not null)
            || await HasFullTextIndexAsync(connection, resourceId, cancellationToken))
        {
            return;
        }

        var fill = _fills.GetOrAdd(resourceId, id => StartFill(id, previous: null));
        try
        {
            await fill.WaitAsync(TimeSpan.FromMilliseconds(_timeoutMilliseconds), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw ValidationException.ForField(
                "q",
                $"Full-text search of resource {resourceId} is not ready: its full-text index is still being "
                + "built after the last load. Retry the search in a minute.");
        }
    }

    // Called after a load commits; a fill still running for the replaced table finishes (or fails on the
    // dropped table) before this one starts.
    private void StartFillAfterLoad(string resourceId)
    {
        _fills.AddOrUpdate(resourceId, id => StartFill(id, null), (id, previous) => StartFill(id, previous));
    }

    private Task StartFill(string resourceId, Task? previous)
    {
        var fill = Task.Run(() => RunFillAsync(resourceId, previous, _stopping.Token));
        _ = fill.ContinueWith(
            finished => _fills.TryRemove(KeyValuePair.Create(resourceId, finished)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return fill;
    }

    private async Task RunFillAsync(string resourceId, Task? previous, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            await previous.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var rows = await FillFullTextAsync(resourceId, cancellationToken);
            if (rows is null)
            {
                Log.FullTextFillStopped(Logger, resourceId, "the table no longer exists");
                return;
            }

            if (rows > 0)
            {
                Log.FullTextFilled(Logger, resourceId, rows.Value, clock.Elapsed.TotalSeconds);
            }
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The table was dropped or replaced by a newer load, whose own fill takes over.
            Log.FullTextFillStopped(Logger, resourceId, error.MessageText);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The store is shutting down; the next q search on the table starts the fill again.
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            Log.FullTextFillFailed(Logger, resourceId, error);
            throw;
        }
    }

    // Returns the number of rows filled: 0 when the index was already there, null when the table is gone.
    private async Task<long?> FillFullTextAsync(string resourceId, CancellationToken cancellationToken)
    {
        await using var connection = await _write.OpenConnectionAsync(cancellationToken);

        // Index builds on millions of rows run past the query timeout, which is meant for searches.
        await ExecuteAsync(connection, "SET statement_timeout = 0", cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@class, hashtext(@name))", connection))
        {
            command.Parameters.AddWithValue("class", FillLockClass);
            command.Parameters.AddWithValue("name", resourceId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            if (await HasFullTextIndexAsync(connection, resourceId, cancellationToken))
            {
                return 0;
            }

            var schema = await ReadSchemaAsync(connection, resourceId, cancellationToken);
            if (schema is null)
            {
                return null;
            }

            var table = FieldNames.Quote(resourceId);
            var rows = await UpdateFullTextAsync(connection, table, schema.Fields, cancellationToken);
            await ExecuteAsync(
                connection,
                $"CREATE INDEX {IndexName(table, "fts")} ON {table} USING {FullTextIndexMethod} (\"_full_text\")",
                cancellationToken);

            // The fill left a dead version of every row, and a new table has no statistics yet.
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table}", cancellationToken);
            return rows;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand(
                "SELECT pg_advisory_unlock(@class, hashtext(@name)); RESET statement_timeout", connection);
            unlock.Parameters.AddWithValue("class", FillLockClass);
            unlock.Parameters.AddWithValue("name", resourceId);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<long> UpdateFullTextAsync(
        NpgsqlConnection connection,
        string table,
        IReadOnlyList<DataStoreField> fields,
        CancellationToken cancellationToken)
    {
        long first;
        long last;
        await using (var range = new NpgsqlCommand($"SELECT min(\"_id\"), max(\"_id\") FROM {table}", connection))
        {
            await using var reader = await range.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.IsDBNull(0))
            {
                return 0;
            }

            first = reader.GetInt32(0);
            last = reader.GetInt32(1);
        }

        // Rows written since the load already carry the trigger's value, so only empty ones are filled.
        var sql = $"UPDATE {table} SET \"_full_text\" = {FullTextExpression(fields)} "
            + "WHERE \"_id\" BETWEEN @from AND @to AND \"_full_text\" IS NULL";
        long rows = 0;
        for (var from = first; from <= last; from += FillBatchRows)
        {
            await using var update = new NpgsqlCommand(sql, connection);
            update.Parameters.AddWithValue("from", (int)from);
            update.Parameters.AddWithValue("to", (int)Math.Min(from + FillBatchRows - 1, last));
            rows += await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows;
    }

    /// <summary>
    /// Returns the set-based twin of <c>populate_full_text_trigger</c>: the row's user values as the
    /// trigger's <c>row_to_json</c> writes them as text, joined by spaces, skipping nulls, in column order.
    /// </summary>
    internal static string FullTextExpression(IReadOnlyList<DataStoreField> fields)
    {
        var values = fields.Select(field =>
        {
            var column = FieldNames.Quote(field.Id);
            if (field.Type.IsArray)
            {
                return $"to_json({column}) #>> '{{}}'";
            }

            // JSON writes these as their text output; dates and timestamps in ISO 8601 whatever DateStyle is.
            return field.Type.BaseName switch
            {
                "text" => column,
                "int4" or "int8" or "float8" or "numeric" or "bool" => column + "::text",
                _ => $"to_json({column}) #>> '{{}}'",
            };
        });
        return $"to_tsvector(concat_ws(' ', {string.Join(", ", values)}))";
    }

    private static async Task<bool> HasFullTextIndexAsync(
        NpgsqlConnection connection,
        string resourceId,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT EXISTS (
                SELECT 1 FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indrelid
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = @name AND a.attname = '_full_text')
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", resourceId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task StopFillsAsync()
    {
        await _stopping.CancelAsync();
        foreach (var fill in _fills.Values)
        {
            await fill.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        _stopping.Dispose();
    }
}
