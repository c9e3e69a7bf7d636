using System.Diagnostics;
using Ckan.Core.Errors;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Safety;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ckan.DataStore.Sqlite;

public sealed partial class SqliteDataStore
{
    private const int SqliteOk = 0;
    private const int SqliteDeny = 1;
    private const int ActionRead = 20;
    private const int ActionSelect = 21;
    private const int ActionFunction = 31;
    private const int ActionRecursive = 33;

    public async Task<SqlResult> SearchSqlAsync(
        string sql,
        Func<IReadOnlyList<string>, CancellationToken, Task> authorizeTables,
        int rowsMax,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(authorizeTables);
        (Guard ?? throw new InvalidOperationException("datastore_search_sql needs a SqlGuard.")).Check(sql);

        await using var connection = new SqliteConnection(_readOnlyConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA query_only = 1", cancellationToken);
        var audit = new SqlAudit(Guard);
        var clock = Stopwatch.StartNew();
        raw.sqlite3_set_authorizer(connection.Handle, audit.Authorize, null);
        raw.sqlite3_progress_handler(
            connection.Handle, 1000, _ => clock.ElapsedMilliseconds > _timeoutMilliseconds ? 1 : 0, null);

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM ({SqlGuard.TrimStatement(sql)}) AS blah LIMIT {rowsMax + 1}";
        try
        {
            // Preparing runs the authorizer over every table and function the statement touches.
            command.Prepare();
        }
        catch (SqliteException error)
        {
            throw audit.Refusal ?? ValidationException.ForField("query", error.Message);
        }

        await authorizeTables(await ExistingTablesAsync(audit.Tables, cancellationToken), cancellationToken);
        try
        {
            return await RunAsync(command, rowsMax, cancellationToken);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == raw.SQLITE_INTERRUPT)
        {
            throw ValidationException.ForField("query", "Query took too long");
        }
        catch (SqliteException error)
        {
            throw audit.Refusal ?? ValidationException.ForField("query", error.Message);
        }
    }

    // SQLite reports reads of common table expressions like reads of tables; only real tables need a check.
    private async Task<IReadOnlyList<string>> ExistingTablesAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var existing = new List<string>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT count(*) FROM sqlite_master WHERE name = $name");
        var parameter = command.Parameters.Add("$name", SqliteType.Text);
        foreach (var name in names)
        {
            parameter.Value = name;
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                existing.Add(name);
            }
        }

        return existing;
    }

    private static async Task<SqlResult> RunAsync(SqliteCommand command, int rowsMax, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(index => DescribeColumn(reader.GetName(index), reader.GetDataTypeName(index)))
            .ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[columns.Count];
            for (var index = 0; index < columns.Count; index++)
            {
                row[index] = reader.IsDBNull(index) ? null : reader.GetValue(index) switch
                {
                    byte[] => "\\x" + Convert.ToHexString(reader.GetFieldValue<byte[]>(index)).ToLowerInvariant(),
                    var value => value,
                };
            }

            rows.Add(row);
        }

        var truncated = rows.Count > rowsMax;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new SqlResult(columns, rows, truncated);
    }

    // SQLite reports only storage types, so each value is written by its own runtime type.
    private static OutputColumn DescribeColumn(string name, string storageType) => storageType.ToUpperInvariant() switch
    {
        "INTEGER" => new OutputColumn(name, "int8", OutputKind.Integer, null),
        "REAL" => new OutputColumn(name, "float8", OutputKind.Float, null),
        _ => new OutputColumn(name, "text", OutputKind.Text, null),
    };

    /// <summary>
    /// SQLite's authorizer for datastore_search_sql. It allows SELECT, reads of resource tables and calls of
    /// allowed functions, and rejects everything else (writes, PRAGMA, ATTACH, the metadata and FTS tables).
    /// The first rejection is kept, so the caller gets CKAN's message for it.
    /// </summary>
    private sealed class SqlAudit(SqlGuard guard)
    {
        public HashSet<string> Tables { get; } = new(StringComparer.Ordinal);
        public Exception? Refusal { get; private set; }

        public int Authorize(object userData, int action, utf8z first, utf8z second, utf8z database, utf8z view)
        {
            switch (action)
            {
                case ActionSelect or ActionRecursive:
                    return SqliteOk;
                case ActionRead:
                    var table = first.utf8_to_string();
                    // count(*) reads a table without naming its database, so only a named database other than main is rejected.
                    var schema = database.utf8_to_string();
                    if (IsInternal(table) || (!string.IsNullOrEmpty(schema) && schema != "main"))
                    {
                        return Deny(SqlGuard.SystemTables());
                    }

                    Tables.Add(table);
                    return SqliteOk;
                case ActionFunction:
                    var function = second.utf8_to_string();
                    return guard.Allows(function)
                        ? SqliteOk
                        : Deny(new NotAuthorizedException("Not authorized to call function " + function));
                default:
                    return Deny(new NotAuthorizedException("Not authorized to read resource."));
            }
        }

        private static bool IsInternal(string table) =>
            table.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase)
            || table.StartsWith("_", StringComparison.Ordinal);

        private int Deny(Exception reason)
        {
            Refusal ??= reason;
            return SqliteDeny;
        }
    }
}
