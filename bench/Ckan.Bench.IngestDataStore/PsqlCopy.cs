using System.Diagnostics;
using Npgsql;

namespace Ckan.Bench.IngestDataStore;

/// <summary>
/// The reference: <c>psql -c "\copy t FROM FILE CSV HEADER"</c> into a ready table of text columns, the
/// least work that puts the file's rows into PostgreSQL.
/// </summary>
internal static class PsqlCopy
{
    /// <summary>Creates the text table, runs psql's <c>\copy</c> of the file into it and returns the seconds psql took.</summary>
    public static async Task<double> TimeAsync(string writeUrl, string path, CancellationToken cancellationToken)
    {
        var table = "psql_copy_" + Guid.NewGuid().ToString("N")[..8];
        var columns = string.Join(", ", WideCsvGenerator.Columns.Select(column => $"\"{column}\" text"));
        await ExecuteAsync(writeUrl, $"CREATE TABLE \"{table}\" ({columns})", cancellationToken);
        try
        {
            var copy = $"\\copy \"{table}\" FROM '{path}' CSV HEADER";
            var start = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", writeUrl, "-c", copy])
            {
                RedirectStandardError = true,
            };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("psql did not start.");
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            clock.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("psql failed: " + errors);
            }

            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await ExecuteAsync(writeUrl, $"DROP TABLE \"{table}\"", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string url, string sql, CancellationToken cancellationToken)
    {
        var settings = Ckan.DataStore.Postgres.PostgresUrl.Parse(url);
        settings.Pooling = false;
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
