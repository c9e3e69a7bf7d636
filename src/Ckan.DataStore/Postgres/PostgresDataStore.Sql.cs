using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.DataStore.Querying;
using Ckan.DataStore.Safety;
using Ckan.DataStore.Schema;
using Ckan.DataStore.Writing;
using Npgsql;

namespace Ckan.DataStore.Postgres;

public sealed partial class PostgresDataStore
{
    /// <summary>Checks statements and functions before the query reaches the database.</summary>
    public SqlGuard? Guard { get; init; }

    public async Task<SqlResult> SearchSqlAsync(
        string sql,
        Func<IReadOnlyList<string>, CancellationToken, Task> authorizeTables,
        int rowsMax,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(authorizeTables);
        (Guard ?? throw new InvalidOperationException("datastore_search_sql needs a SqlGuard.")).Check(sql);
        var inner = SqlGuard.TrimStatement(sql);

        await using var connection = await _read.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, "SET TRANSACTION READ ONLY", cancellationToken);
            await ExecuteAsync(
                connection, transaction, $"SET LOCAL statement_timeout = {_timeoutMilliseconds}", cancellationToken);
            var tables = await ExplainTablesAsync(connection, transaction, inner, cancellationToken);
            await authorizeTables(tables, cancellationToken);

            var columns = await DescribeAsync(connection, transaction, inner, cancellationToken);
            var rows = await RunAsync(connection, transaction, inner, columns, rowsMax + 1, cancellationToken);
            var truncated = rows.Count > rowsMax;
            if (truncated)
            {
                rows.RemoveAt(rows.Count - 1);
            }

            return new SqlResult(columns, rows, truncated);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new NotAuthorizedException("Not authorized to read resource.");
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            throw ValidationException.ForField("query", "Query took too long");
        }
        catch (PostgresException error)
        {
            throw new ValidationException(new JsonObject
            {
                ["query"] = new JsonArray(error.MessageText),
                ["info"] = new JsonObject { ["statement"] = new JsonArray(sql), ["orig"] = new JsonArray(error.MessageText) },
            });
        }
    }

    // The plan names every relation the query reads, with views already expanded to their tables.
    private static async Task<IReadOnlyList<string>> ExplainTablesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"EXPLAIN (VERBOSE, FORMAT JSON) SELECT * FROM ({sql}) AS blah", connection, transaction);
        var plan = JsonNode.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!);
        var tables = new List<string>();
        Collect(plan, tables);
        return tables.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Collect(JsonNode? node, List<string> tables)
    {
        switch (node)
        {
            case JsonArray items:
                foreach (var item in items)
                {
                    Collect(item, tables);
                }

                break;
            case JsonObject plan:
                if (plan["Relation Name"] is JsonValue relation)
                {
                    var schema = plan["Schema"]?.GetValue<string>() ?? "public";
                    var name = relation.GetValue<string>();
                    if (schema != "public" || name.StartsWith("pg_", StringComparison.Ordinal))
                    {
                        throw SqlGuard.SystemTables();
                    }

                    tables.Add(name);
                }

                if (plan["Function Name"] is JsonValue && plan["Schema"]?.GetValue<string>() is { } functionSchema
                    && functionSchema != "pg_catalog" && functionSchema != "public")
                {
                    throw SqlGuard.SystemTables();
                }

                foreach (var (_, child) in plan)
                {
                    if (child is JsonArray or JsonObject)
                    {
                        Collect(child, tables);
                    }
                }

                break;
        }
    }

    private static async Task<List<OutputColumn>> DescribeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT * FROM ({sql}) AS blah LIMIT 0", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SchemaOnly, cancellationToken);
        var columns = new List<OutputColumn>();
        for (var index = 0; index < reader.FieldCount; index++)
        {
            var typeName = reader.GetPostgresType(index).InternalName;
            var type = FieldType.Parse(typeName);
            columns.Add(new OutputColumn(reader.GetName(index), typeName, type?.Output ?? OutputKind.Text, null));
        }

        return columns;
    }

    // Columns are renamed by position, so duplicate or odd names cannot clash, and each is cast to the
    // text its JSON needs: numerics keep every digit, timestamps take CKAN's format.
    private static async Task<List<object?[]>> RunAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        IReadOnlyList<OutputColumn> columns,
        int limit,
        CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, columns.Count).Select(index => "c" + index).ToList();
        var select = columns.Select((column, index) => column.Kind switch
        {
            OutputKind.Integer or OutputKind.Float or OutputKind.Boolean => names[index],
            OutputKind.Json when column.TypeName.StartsWith('_') => $"array_to_json({names[index]})::text",
            OutputKind.Text when column.TypeName == "timestamp" => $"to_char({names[index]}, 'YYYY-MM-DD\"T\"HH24:MI:SS')",
            _ => names[index] + "::text",
        });
        var aliasList = columns.Count == 0 ? "" : $"({string.Join(", ", names)})";
        await using var command = new NpgsqlCommand(
            $"SELECT {string.Join(", ", select)} FROM ({sql}) AS blah{aliasList} LIMIT {limit}", connection, transaction);
        if (columns.Count == 0)
        {
            command.CommandText = $"SELECT FROM ({sql}) AS blah LIMIT {limit}";
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader, columns.Count));
        }

        return rows;
    }
}
