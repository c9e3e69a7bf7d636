using Ckan.Core.Catalog;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ckan.Storage.Sqlite;

/// <summary>
/// The catalog in one SQLite file, used by the embedded default. Connections are pooled; the file is
/// in WAL mode so readers never wait for the writer.
/// </summary>
public sealed class SqliteCatalogStore : ICatalogStore, IDisposable
{
    // Another process (a second server, the CLI) commits without touching this process's counter, so
    // SQLite's data_version, which changes whenever any other connection commits, is read on one
    // dedicated connection at most every PollInterval and folded into ChangeVersion.
    private const long PollIntervalMilliseconds = 50;

    private readonly string _connectionString;
    private readonly SqliteConnection _monitor;
    private readonly Lock _monitorLock = new();
    private long _changeVersion;
    private long _externalChanges;
    private long _lastDataVersion;
    private long _lastPollTicks;

    static SqliteCatalogStore()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>Creates a store on the database file at <paramref name="path"/>, creating its folder.</summary>
    public SqliteCatalogStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        DatabasePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _monitor = new SqliteConnection(_connectionString);
        _monitor.Open();
        _monitor.Execute("PRAGMA journal_mode = WAL");
        _lastDataVersion = _monitor.ExecuteScalar<long>("PRAGMA data_version");
        _lastPollTicks = Environment.TickCount64;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    /// <remarks>Commits by other processes show here within 50 ms.</remarks>
    public long ChangeVersion
    {
        get
        {
            PollOtherProcesses();
            return Interlocked.Read(ref _changeVersion) + Interlocked.Read(ref _externalChanges);
        }
    }

    /// <summary>
    /// Returns the file path in a SQLAlchemy SQLite URL: <c>sqlite:///relative.db</c> or
    /// <c>sqlite:////absolute/path.db</c>.
    /// </summary>
    public static string PathFromUrl(string url)
    {
        const string prefix = "sqlite:///";
        if (!url.StartsWith(prefix, StringComparison.Ordinal) || url.Length == prefix.Length)
        {
            throw new ArgumentException(
                $"sqlalchemy.url \"{url}\" is not a SQLite URL; expected sqlite:///path/to/ckan.db.", nameof(url));
        }

        return url[prefix.Length..];
    }

    /// <inheritdoc />
    public async Task<ICatalogSession> OpenSessionAsync(bool write, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        SqliteTransaction? transaction = null;
        if (write)
        {
            transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        }

        return new SqliteCatalogSession(this, connection, transaction);
    }

    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);

        // SQLite's LIKE folds case for ASCII only; text searches compare casefold(column) with a pattern
        // lowered the same way, so "Über" finds "über".
        connection.CreateFunction("casefold", (string? value) => value?.ToLowerInvariant(), isDeterministic: true);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Closes the connection that watches for commits by other processes.</summary>
    public void Dispose() => _monitor.Dispose();

    internal void MarkChanged() => Interlocked.Increment(ref _changeVersion);

    private void PollOtherProcesses()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastPollTicks) < PollIntervalMilliseconds || !_monitorLock.TryEnter())
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _lastPollTicks, now);
            var dataVersion = _monitor.ExecuteScalar<long>("PRAGMA data_version");
            if (dataVersion != _lastDataVersion)
            {
                _lastDataVersion = dataVersion;
                Interlocked.Increment(ref _externalChanges);
            }
        }
        finally
        {
            _monitorLock.Exit();
        }
    }
}
