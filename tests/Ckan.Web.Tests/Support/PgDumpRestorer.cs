using System.Text;
using Ckan.Storage.Postgres;
using Npgsql;

namespace Ckan.Web.Tests.Support;

/// <summary>
/// Restores a plain-text, data-only <c>pg_dump</c> file as psql would: SQL statements run in order, and
/// each <c>COPY ... FROM stdin;</c> block streams its rows until the <c>\.</c> line. psql meta-commands
/// (<c>\restrict</c>, <c>\unrestrict</c>) and comments are skipped.
/// </summary>
public static class PgDumpRestorer
{
    /// <summary>Restores <paramref name="dumpPath"/> into the database at the SQLAlchemy URL.</summary>
    public static async Task RestoreAsync(string url, string dumpPath, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(url));
        await connection.OpenAsync(cancellationToken);
        using var lines = new StringReader(await File.ReadAllTextAsync(dumpPath, cancellationToken));
        var statement = new StringBuilder();
        while (lines.ReadLine() is { } line)
        {
            if (statement.Length == 0 && (line.Length == 0 || line.StartsWith("--", StringComparison.Ordinal)
                || line.StartsWith('\\')))
            {
                continue;
            }

            statement.AppendLine(line);
            if (!line.TrimEnd().EndsWith(';'))
            {
                continue;
            }

            var sql = statement.ToString();
            statement.Clear();
            if (sql.Contains("FROM stdin;", StringComparison.Ordinal))
            {
                await CopyRowsAsync(connection, sql, lines, cancellationToken);
            }
            else
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static async Task CopyRowsAsync(
        NpgsqlConnection connection,
        string copyStatement,
        StringReader lines,
        CancellationToken cancellationToken)
    {
        var copyCommand = copyStatement.TrimEnd().TrimEnd(';');
        await using var writer = await connection.BeginTextImportAsync(copyCommand, cancellationToken);
        while (lines.ReadLine() is { } row && row != "\\.")
        {
            await writer.WriteAsync(row + "\n");
        }
    }
}
