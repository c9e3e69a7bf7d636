using System.Runtime.CompilerServices;
using Ckan.Core.Errors;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Npgsql;

namespace Ckan.DataStore.Postgres;

public sealed partial class PostgresDataStore
{
    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var columns = query.Columns;
        await using var connection = await _read.OpenConnectionAsync(cancellationToken);
        await WaitForFullTextAsync(connection, query, cancellationToken);
        try
        {
            var rows = new List<object?[]>();
            await using (var command = new NpgsqlCommand { Connection = connection })
            {
                command.CommandText = PostgresSearchSql.Select(query, command) + Paging(query);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(ReadRow(reader, columns.Count));
                }
            }

            var (total, estimated) = query.IncludeTotal
                ? await CountAsync(connection, query, cancellationToken)
                : (null, false);
            return new SearchPage(columns, rows, total, estimated);
        }
        catch (PostgresException error)
        {
            throw SearchError(error);
        }
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(
        SearchQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = query.Columns.Count;
        await using var connection = await _read.OpenConnectionAsync(cancellationToken);
        await WaitForFullTextAsync(connection, query, cancellationToken);

        // A transaction lets the cursor stream: rows arrive as the client reads them, in constant memory.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.CommandText = PostgresSearchSql.Select(query, command) + Paging(query);
        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        }
        catch (PostgresException error)
        {
            throw SearchError(error);
        }

        await using (reader)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return ReadRow(reader, count);
            }
        }
    }

    public async Task<bool> TryCopyDelimitedAsync(
        SearchQuery query,
        Stream output,
        char delimiter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);

        // COPY takes no parameters, so only queries without values (whole or paged dumps) use it.
        if (query.Filters.Count > 0 || query.TextQueries.Count > 0)
        {
            return false;
        }

        await using var connection = await _read.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var select = PostgresSearchSql.Select(query, command) + Paging(query);
        var format = delimiter == '\t' ? "FORMAT csv, DELIMITER E'\\t'" : "FORMAT csv";
        using var copy = await connection.BeginTextExportAsync($"COPY ({select}) TO STDOUT WITH ({format})", cancellationToken);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var buffer = new char[1 << 15];
        int read;
        while ((read = await copy.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        return true;
    }

    private static string Paging(SearchQuery query) =>
        (query.Limit is { } limit ? $" LIMIT {limit}" : "") + (query.Offset > 0 ? $" OFFSET {query.Offset}" : "");

    private static object?[] ReadRow(NpgsqlDataReader reader, int count)
    {
        var row = new object?[count];
        for (var index = 0; index < count; index++)
        {
            row[index] = reader.IsDBNull(index) ? null : reader.GetValue(index) switch
            {
                int number => (long)number,
                short number => (long)number,
                float number => (double)number,
                var other => other,
            };
        }

        return row;
    }

    private async Task<(long? Total, bool Estimated)> CountAsync(
        NpgsqlConnection connection,
        SearchQuery query,
        CancellationToken cancellationToken)
    {
        var plain = query.Filters.Count == 0 && query.TextQueries.Count == 0 && !query.Distinct;
        if (plain && query.TotalEstimationThreshold is { } threshold)
        {
            await using var estimate = new NpgsqlCommand(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(@table)", connection);
            estimate.Parameters.AddWithValue("table", FieldNames.Quote(query.Schema.ResourceId));
            if (await estimate.ExecuteScalarAsync(cancellationToken) is long estimated && estimated >= threshold)
            {
                return (estimated, true);
            }
        }

        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = PostgresSearchSql.Count(query, command);
        return ((long)(await command.ExecuteScalarAsync(cancellationToken))!, false);
    }

    private static ValidationException SearchError(PostgresException error) =>
        error.SqlState == PostgresErrorCodes.QueryCanceled
            ? ValidationException.ForField("query", "Search took too long")
            : ValidationException.ForField("query", error.MessageText);
}
