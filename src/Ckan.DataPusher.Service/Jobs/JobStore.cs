using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Ckan.DataPusher.Service.Jobs;

/// <summary>
/// The persistent job store: jobs and their log lines in one SQLite file, so queued and finished jobs
/// survive a restart. Thread safe: every call opens its own pooled connection.
/// </summary>
public sealed class JobStore
{
    private const string Columns =
        "job_id, job_type, status, job_key, api_key, result_url, metadata, data, error, sent_data, " +
        "requested_timestamp, finished_timestamp";

    private readonly string _connectionString;

    public JobStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    /// <summary>Creates the tables when missing and turns on write-ahead logging.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS jobs (
                job_id TEXT PRIMARY KEY,
                job_type TEXT NOT NULL,
                status TEXT NOT NULL,
                job_key TEXT NOT NULL,
                api_key TEXT NOT NULL,
                result_url TEXT,
                metadata TEXT NOT NULL,
                data TEXT,
                error TEXT,
                sent_data TEXT,
                requested_timestamp TEXT NOT NULL,
                finished_timestamp TEXT
            );
            CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status, requested_timestamp);
            CREATE TABLE IF NOT EXISTS logs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                job_id TEXT NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
                timestamp TEXT NOT NULL,
                level TEXT NOT NULL,
                message TEXT NOT NULL,
                module TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS logs_job ON logs (job_id, id);
            """, cancellationToken);
    }

    /// <summary>Adds a job; returns false, changing nothing, when its id exists.</summary>
    public async Task<bool> TryAddAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO jobs ({Columns})
            VALUES (@job_id, @job_type, @status, @job_key, @api_key, @result_url, @metadata, @data, @error,
                    @sent_data, @requested_timestamp, @finished_timestamp)
            ON CONFLICT (job_id) DO NOTHING
            """;
        Bind(command, job);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Returns the job, or null when no job has the id.</summary>
    public async Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs WHERE job_id = @job_id";
        command.Parameters.AddWithValue("@job_id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadJob(reader) : null;
    }

    /// <summary>Returns the oldest pending job, or null when none waits.</summary>
    public async Task<JobRecord?> NextPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns} FROM jobs WHERE status = 'pending' ORDER BY requested_timestamp, rowid LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadJob(reader) : null;
    }

    /// <summary>Saves the end of a job: its status, error dictionary and finish time.</summary>
    public async Task FinishAsync(string jobId, string status, JsonObject? error, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE jobs SET status = @status, error = @error, finished_timestamp = @finished
            WHERE job_id = @job_id
            """;
        command.Parameters.AddWithValue("@job_id", jobId);
        command.Parameters.AddWithValue("@status", status);
        command.Parameters.AddWithValue("@error", (object?)error?.ToJsonString() ?? DBNull.Value);
        command.Parameters.AddWithValue("@finished", JobTime.Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records the job dictionary that was posted to the job's result URL.</summary>
    public async Task SetSentDataAsync(string jobId, string sentData, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE jobs SET sent_data = @sent_data WHERE job_id = @job_id";
        command.Parameters.AddWithValue("@job_id", jobId);
        command.Parameters.AddWithValue("@sent_data", sentData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Appends a line to the job's log.</summary>
    public async Task AddLogAsync(string jobId, JobLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO logs (job_id, timestamp, level, message, module)
            VALUES (@job_id, @timestamp, @level, @message, @module)
            """;
        command.Parameters.AddWithValue("@job_id", jobId);
        command.Parameters.AddWithValue("@timestamp", entry.Timestamp);
        command.Parameters.AddWithValue("@level", entry.Level);
        command.Parameters.AddWithValue("@message", entry.Message);
        command.Parameters.AddWithValue("@module", entry.Module);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Returns the job's log in order; with <paramref name="limit"/>, only its last lines.</summary>
    public async Task<IReadOnlyList<JobLogEntry>> GetLogsAsync(
        string jobId,
        int? limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT timestamp, level, message, module FROM (
                SELECT id, timestamp, level, message, module FROM logs WHERE job_id = @job_id
                ORDER BY id DESC LIMIT @limit)
            ORDER BY id
            """;
        command.Parameters.AddWithValue("@job_id", jobId);
        command.Parameters.AddWithValue("@limit", limit ?? -1);
        var entries = new List<JobLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new JobLogEntry
            {
                Timestamp = reader.GetString(0),
                Level = reader.GetString(1),
                Message = reader.GetString(2),
                Module = reader.GetString(3),
            });
        }

        return entries;
    }

    /// <summary>Returns the number of jobs in each status.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, count(*) FROM jobs GROUP BY status";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>
    /// Returns the ids of jobs whose metadata has every key and value of <paramref name="metadataFilter"/>,
    /// newest first, after skipping <paramref name="offset"/> and up to <paramref name="limit"/> ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListAsync(
        IReadOnlyDictionary<string, string> metadataFilter,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadataFilter);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT job_id, metadata FROM jobs ORDER BY requested_timestamp DESC, rowid DESC";
        var ids = new List<string>();
        var skipped = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (ids.Count < limit && await reader.ReadAsync(cancellationToken))
        {
            var metadata = JsonNode.Parse(reader.GetString(1)) as JsonObject ?? [];
            if (!metadataFilter.All(pair => MetadataText(metadata[pair.Key]) == pair.Value))
            {
                continue;
            }

            if (skipped++ < offset)
            {
                continue;
            }

            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Deletes the job and its log; returns whether it existed.</summary>
    public async Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM jobs WHERE job_id = @job_id";
        command.Parameters.AddWithValue("@job_id", jobId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes the finished jobs requested before <paramref name="before"/> and returns their ids.</summary>
    public async Task<IReadOnlyList<string>> DeleteFinishedAsync(DateTime before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM jobs WHERE status <> 'pending' AND requested_timestamp < @before RETURNING job_id
            """;
        command.Parameters.AddWithValue("@before", JobTime.ToText(before));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static string? MetadataText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(SqliteCommand command, JobRecord job)
    {
        command.Parameters.AddWithValue("@job_id", job.JobId);
        command.Parameters.AddWithValue("@job_type", job.JobType);
        command.Parameters.AddWithValue("@status", job.Status);
        command.Parameters.AddWithValue("@job_key", job.JobKey);
        command.Parameters.AddWithValue("@api_key", job.ApiKey);
        command.Parameters.AddWithValue("@result_url", (object?)job.ResultUrl ?? DBNull.Value);
        command.Parameters.AddWithValue("@metadata", job.Metadata.ToJsonString());
        command.Parameters.AddWithValue("@data", (object?)job.Data ?? DBNull.Value);
        command.Parameters.AddWithValue("@error", (object?)job.Error?.ToJsonString() ?? DBNull.Value);
        command.Parameters.AddWithValue("@sent_data", (object?)job.SentData ?? DBNull.Value);
        command.Parameters.AddWithValue("@requested_timestamp", job.RequestedTimestamp);
        command.Parameters.AddWithValue("@finished_timestamp", (object?)job.FinishedTimestamp ?? DBNull.Value);
    }

    private static JobRecord ReadJob(SqliteDataReader reader) => new()
    {
        JobId = reader.GetString(0),
        JobType = reader.GetString(1),
        Status = reader.GetString(2),
        JobKey = reader.GetString(3),
        ApiKey = reader.GetString(4),
        ResultUrl = reader.IsDBNull(5) ? null : reader.GetString(5),
        Metadata = JsonNode.Parse(reader.GetString(6)) as JsonObject ?? [],
        Data = reader.IsDBNull(7) ? null : reader.GetString(7),
        Error = reader.IsDBNull(8) ? null : JsonNode.Parse(reader.GetString(8)) as JsonObject,
        SentData = reader.IsDBNull(9) ? null : reader.GetString(9),
        RequestedTimestamp = reader.GetString(10),
        FinishedTimestamp = reader.IsDBNull(11) ? null : reader.GetString(11),
    };
}
