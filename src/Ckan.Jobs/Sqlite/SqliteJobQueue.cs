using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ckan.Jobs.Sqlite;

/// <summary>
/// The embedded job queue: one SQLite file in WAL mode, so jobs survive a restart and the portal and a
/// separate <c>ckan jobs worker</c> process can share it. Thread safe; each call opens a pooled connection.
/// </summary>
public sealed class SqliteJobQueue : IJobQueue
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    private const string Columns =
        "id, queue, kind, title, payload, status, created, started, ended, error, progress_done, progress_total";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS job (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            queue TEXT NOT NULL,
            kind TEXT NOT NULL,
            title TEXT,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            created TEXT NOT NULL,
            started TEXT,
            ended TEXT,
            error TEXT,
            worker_pid INTEGER,
            progress_done INTEGER,
            progress_total INTEGER
        );
        CREATE INDEX IF NOT EXISTS job_waiting ON job (status, queue, seq);
        """;

    // Queue files made before jobs reported progress lack its columns.
    private static readonly string[] AddedColumns = ["progress_done INTEGER", "progress_total INTEGER"];

    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _hasSchema;

    /// <summary>Creates a queue in the SQLite file <paramref name="path"/>, made with its folder on first use.</summary>
    public SqliteJobQueue(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    public async Task<Job> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        var job = new Job
        {
            Id = Guid.NewGuid().ToString(),
            Queue = request.Queue,
            Kind = request.Kind,
            Title = request.Title,
            Payload = request.Payload,
            Status = JobStatus.Queued,
            Created = DateTime.UtcNow,
        };
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            """
            INSERT INTO job (id, queue, kind, title, payload, status, created)
            VALUES ($id, $queue, $kind, $title, $payload, $status, $created)
            """,
            ("$id", job.Id),
            ("$queue", job.Queue),
            ("$kind", job.Kind),
            ("$title", job.Title),
            ("$payload", job.Payload),
            ("$status", job.Status),
            ("$created", FormatTime(job.Created)));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return job;
    }

    public async Task<IReadOnlyList<Job>> ListQueuedAsync(
        IReadOnlyList<string> queues,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"SELECT {Columns} FROM job WHERE status = $status AND {QueueFilter(queues)} ORDER BY seq",
            ("$status", JobStatus.Queued),
            ("$queues", QueueList(queues)));
        return await ReadJobsAsync(command, cancellationToken);
    }

    public async Task<Job?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM job WHERE id = $id", ("$id", id));
        var jobs = await ReadJobsAsync(command, cancellationToken);
        return jobs.Count == 0 ? null : jobs[0];
    }

    public async Task<bool> CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM job WHERE id = $id", ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<string>> ClearAsync(
        IReadOnlyList<string> queues,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"DELETE FROM job WHERE status = $status AND {QueueFilter(queues)} RETURNING queue",
            ("$status", JobStatus.Queued),
            ("$queues", QueueList(queues)));
        var cleared = new SortedSet<string>(queues, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cleared.Add(reader.GetString(0));
        }

        return queues.Count > 0 ? queues : cleared.ToList();
    }

    public async Task<Job?> TakeNextAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);

        // One statement picks and marks the job, so two workers never take the same one.
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"""
            UPDATE job SET status = $started, started = $now, worker_pid = $pid,
                progress_done = NULL, progress_total = NULL
            WHERE seq = (
                SELECT seq FROM job WHERE status = $queued AND {QueueFilter(queues)} ORDER BY seq LIMIT 1)
            RETURNING {Columns}
            """,
            ("$started", JobStatus.Started),
            ("$queued", JobStatus.Queued),
            ("$now", FormatTime(DateTime.UtcNow)),
            ("$pid", Environment.ProcessId),
            ("$queues", QueueList(queues)));
        var jobs = await ReadJobsAsync(command, cancellationToken);
        return jobs.Count == 0 ? null : jobs[0];
    }

    public async Task CompleteAsync(string id, string? error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            "UPDATE job SET status = $status, ended = $now, error = $error WHERE id = $id",
            ("$status", error is null ? JobStatus.Finished : JobStatus.Failed),
            ("$now", FormatTime(DateTime.UtcNow)),
            ("$error", error),
            ("$id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReportProgressAsync(
        string id,
        JobProgress progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(progress);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            "UPDATE job SET progress_done = $done, progress_total = $total WHERE id = $id",
            ("$done", progress.Done),
            ("$total", progress.Total),
            ("$id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RequeueAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            """
            UPDATE job SET status = $queued, started = NULL, worker_pid = NULL, progress_done = NULL, progress_total = NULL
            WHERE id = $id AND status = $started
            """,
            ("$queued", JobStatus.Queued),
            ("$started", JobStatus.Started),
            ("$id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken = default)
    {
        var abandoned = new List<string>();
        await using var connection = await OpenAsync(cancellationToken);
        await using (var select = Command(
            connection,
            "SELECT id, worker_pid FROM job WHERE status = $started",
            ("$started", JobStatus.Started)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var pid = reader.IsDBNull(1) ? (int?)null : reader.GetInt32(1);
                if (pid is null || !IsProcessRunning(pid.Value))
                {
                    abandoned.Add(reader.GetString(0));
                }
            }
        }

        foreach (var id in abandoned)
        {
            await RequeueAsync(id, cancellationToken);
        }

        return abandoned.Count;
    }

    // NOTE: a process id reused by an unrelated program after a crash makes its jobs look alive until
    // that program exits; they are then recovered by the next worker start.
    private static bool IsProcessRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string QueueFilter(IReadOnlyList<string> queues) =>
        queues.Count == 0 ? "1 = 1" : "queue IN (SELECT value FROM json_each($queues))";

    private static string QueueList(IReadOnlyList<string> queues) =>
        System.Text.Json.JsonSerializer.Serialize(queues);

    private static string FormatTime(DateTime value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime ParseTime(string value) =>
        DateTime.SpecifyKind(DateTime.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static SqliteCommand Command(
        SqliteConnection connection,
        string text,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<IReadOnlyList<Job>> ReadJobsAsync(
        SqliteCommand command,
        CancellationToken cancellationToken)
    {
        var jobs = new List<Job>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new Job
            {
                Id = reader.GetString(0),
                Queue = reader.GetString(1),
                Kind = reader.GetString(2),
                Title = reader.IsDBNull(3) ? null : reader.GetString(3),
                Payload = reader.GetString(4),
                Status = reader.GetString(5),
                Created = ParseTime(reader.GetString(6)),
                Started = reader.IsDBNull(7) ? null : ParseTime(reader.GetString(7)),
                Ended = reader.IsDBNull(8) ? null : ParseTime(reader.GetString(8)),
                Error = reader.IsDBNull(9) ? null : reader.GetString(9),
                Progress = reader.IsDBNull(10)
                    ? null
                    : new JobProgress { Done = reader.GetInt64(10), Total = reader.IsDBNull(11) ? null : reader.GetInt64(11) },
            });
        }

        return jobs;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_hasSchema)
        {
            await CreateSchemaAsync(connection, cancellationToken);
        }

        return connection;
    }

    private async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!_hasSchema)
            {
                await using var command = Command(connection, Schema);
                await command.ExecuteNonQueryAsync(cancellationToken);
                await AddMissingColumnsAsync(connection, cancellationToken);
                _hasSchema = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    private static async Task AddMissingColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var select = Command(connection, "SELECT name FROM pragma_table_info('job')"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                present.Add(reader.GetString(0));
            }
        }

        foreach (var column in AddedColumns.Where(column => !present.Contains(column.Split(' ')[0])))
        {
            try
            {
                await using var alter = Command(connection, "ALTER TABLE job ADD COLUMN " + column);
                await alter.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException error) when (error.Message.Contains("duplicate column", StringComparison.Ordinal))
            {
                // Another process sharing the file added it first.
            }
        }
    }

    public void Dispose() => _schemaLock.Dispose();
}
