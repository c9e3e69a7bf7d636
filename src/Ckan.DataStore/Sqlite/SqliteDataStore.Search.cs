using System.Runtime.CompilerServices;
using Ckan.Core.Errors;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Schema;
using Microsoft.Data.Sqlite;

namespace Ckan.DataStore.Sqlite;

public sealed partial class SqliteDataStore
{
    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var columns = query.Columns;
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            var rows = new List<object?[]>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = SqliteSearchSql.Select(query, command);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(ReadRow(reader, columns));
                }
            }

            long? total = null;
            if (query.IncludeTotal)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = SqliteSearchSql.Count(query, count);
                total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            }

            return new SearchPage(columns, rows, total, false);
        }
        catch (SqliteException error)
        {
            throw ValidationException.ForField("query", error.Message);
        }
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(
        SearchQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var columns = query.Columns;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSearchSql.Select(query, command);
        SqliteDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (SqliteException error)
        {
            throw ValidationException.ForField("query", error.Message);
        }

        await using (reader)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return ReadRow(reader, columns);
            }
        }
    }

    public Task<bool> TryCopyDelimitedAsync(
        SearchQuery query,
        Stream output,
        char delimiter,
        CancellationToken cancellationToken = default) => Task.FromResult(false);

    private static object?[] ReadRow(SqliteDataReader reader, IReadOnlyList<OutputColumn> columns)
    {
        var row = new object?[columns.Count];
        for (var index = 0; index < columns.Count; index++)
        {
            if (reader.IsDBNull(index))
            {
                continue;
            }

            var column = columns[index];
            row[index] = column.Kind switch
            {
                OutputKind.Integer => reader.GetInt64(index),
                OutputKind.Float => SqliteValues.ReadDouble(reader, index),
                OutputKind.Boolean => reader.GetInt64(index) != 0,
                OutputKind.Text when column.TypeName == "timestamp" => ValueText.FormatTimestampForOutput(reader.GetString(index)),
                _ => reader.GetString(index),
            };
        }

        return row;
    }
}
