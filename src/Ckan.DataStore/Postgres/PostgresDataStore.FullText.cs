using System.Collections.Concurrent;
using Ckan.Core.Errors;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ckan.DataStore.Postgres;

// A bulk load makes its table active before the _full_text column is filled. For 1M rows of 10 columns,
// to_tsvector over every row took about 13 s and the GIN index 22 s, against 1.7 s for the binary COPY
// (psql timings in docs/benchmarks.md). So the resource becomes datastore_active once the rows are in,
// and the fill runs afterwards in the background. The full-text index marks a finished fill. A q search
// on a table without it waits for the fill, up to the query timeout, whether this process runs the fill
// or another one does (an advisory lock serializes them).
public sealed partial class PostgresDataStore
{
    // The first key of the advisory locks that serialize fills of one table across processes.
    private const int FillLockClass = 0x434b4654;

    // Rows updated per statement, each in its own transaction, so a fill holds row locks only briefly.
    private const int FillBatchRows = 50_000;

    private readonly ConcurrentDictionary<string, Task> _fills = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The logger of the background fills of <c>_full_text</c>, set by the host once logging exists.</summary>
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

    // Called after a load commits. A fill still running for the replaced table ends first, because it
    // either finishes or fails on the dropped table.
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

    // Returns the number of rows filled: 0 when the index was already there, null when the table is gone
    // or was replaced by a newer load during the fill.
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
            var table = new FillTable(FieldNames.Quote(resourceId), await TableOidAsync(connection, resourceId, cancellationToken));
            if (schema is null || table.Oid is null)
            {
                return null;
            }

            var rows = await UpdateFullTextAsync(connection, table, schema.Fields, cancellationToken);
            var indexed = rows is null ? null : await ExecuteOnTableAsync(
                connection,
                table,
                "SHARE",
                $"CREATE INDEX {IndexName(table.Name, "fts")} ON {table.Name} USING {FullTextIndexMethod} (\"_full_text\")",
                null,
                cancellationToken);
            if (indexed is null)
            {
                return null;
            }

            // The fill left a dead version of every row, and a new table has no statistics yet.
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table.Name}", cancellationToken);
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

    private static async Task<long?> UpdateFullTextAsync(
        NpgsqlConnection connection,
        FillTable table,
        IReadOnlyList<DataStoreField> fields,
        CancellationToken cancellationToken)
    {
        int first;
        int last;
        await using (var range = new NpgsqlCommand($"SELECT min(\"_id\"), max(\"_id\") FROM {table.Name}", connection))
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
        var sql = $"UPDATE {table.Name} SET \"_full_text\" = {FullTextExpression(fields)} "
            + "WHERE \"_id\" BETWEEN @from AND @to AND \"_full_text\" IS NULL";
        long rows = 0;
        for (long from = first; from <= last; from += FillBatchRows)
        {
            var to = (int)Math.Min(from + FillBatchRows - 1, last);
            var updated = await ExecuteOnTableAsync(connection, table, "ROW EXCLUSIVE", sql, ((int)from, to), cancellationToken);
            if (updated is null)
            {
                return null;
            }

            rows += updated.Value;
        }

        return rows;
    }

    // Runs one statement in its own transaction after locking the table and checking that its name still
    // refers to the table the fill started on. Returns the rows affected, or null when a newer load
    // replaced the table, whose own fill then does the work.
    private static async Task<long?> ExecuteOnTableAsync(
        NpgsqlConnection connection,
        FillTable table,
        string lockMode,
        string sql,
        (int From, int To)? ids,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {table.Name} IN {lockMode} MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var check = new NpgsqlCommand("SELECT to_regclass(@name)::oid::bigint", connection, transaction))
        {
            check.Parameters.AddWithValue("name", "public." + table.Name);
            if (await check.ExecuteScalarAsync(cancellationToken) is not long oid || oid != table.Oid)
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (ids is { } range)
        {
            command.Parameters.AddWithValue("from", range.From);
            command.Parameters.AddWithValue("to", range.To);
        }

        var affected = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Math.Max(affected, 0);
    }

    private static async Task<long?> TableOidAsync(
        NpgsqlConnection connection,
        string resourceId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@name)::oid::bigint", connection);
        command.Parameters.AddWithValue("name", "public." + FieldNames.Quote(resourceId));
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>
    /// Returns the set-based twin of <c>populate_full_text_trigger</c>: the row's user values as text, the
    /// way the trigger's <c>row_to_json</c> writes them, joined by spaces in column order, skipping nulls.
    /// A row whose values are all null gets null, as from the trigger.
    /// </summary>
    internal static string FullTextExpression(IReadOnlyList<DataStoreField> fields)
    {
        if (fields.Count == 0)
        {
            return "NULL::tsvector";
        }

        var columns = fields.Select(field => FieldNames.Quote(field.Id)).ToList();
        var values = fields.Select((field, index) => field.Type.BaseName switch
        {
            _ when field.Type.IsArray => $"to_json({columns[index]}) #>> '{{}}'",
            "text" => columns[index],
            "int4" or "int8" or "float8" or "numeric" or "bool" => columns[index] + "::text",

            // JSON writes dates and timestamps in ISO 8601 whatever DateStyle is, with a T in timestamps.
            _ => $"to_json({columns[index]}) #>> '{{}}'",
        });
        return $"CASE WHEN num_nonnulls({string.Join(", ", columns)}) > 0 "
            + $"THEN to_tsvector(concat_ws(' ', {string.Join(", ", values)})) END";
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

    // The table a fill works on: its quoted name and the oid it had when the fill started.
    private sealed record FillTable(string Name, long? Oid);
}
