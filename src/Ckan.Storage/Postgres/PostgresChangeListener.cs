using Ckan.Storage.Migrations;
using Npgsql;

namespace Ckan.Storage.Postgres;

/// <summary>
/// Counts the catalog commits announced on <see cref="PostgresMigrations.ChangeChannel"/> by the schema's
/// change triggers, on one connection kept open in the background. Thread safe.
/// </summary>
/// <remarks>
/// LISTEN rather than a polled counter: a poll would put a database round trip inside the synchronous
/// <c>ChangeVersion</c> read on the package_show path, while a notification costs nothing until a write
/// happens and arrives within milliseconds of the commit. While the connection is down notifications
/// are lost, so every (re)connection counts as a change: a cache may be emptied once too often, but
/// never kept stale.
/// </remarks>
internal sealed class PostgresChangeListener : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _changes;

    public PostgresChangeListener(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _loop = Task.Run(() => ListenAsync(_stopping.Token));
    }

    /// <summary>The number of notifications and reconnections seen so far.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => Interlocked.Increment(ref _changes);
                await using (var listen = connection.CreateCommand())
                {
                    listen.CommandText = "LISTEN " + PostgresMigrations.ChangeChannel;
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                Interlocked.Increment(ref _changes);
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Whatever broke the connection (server restart, network, a dropped database), a dead
                // listener would leave caches stale for good. Counting a change makes readers drop what
                // they cached, and the loop reconnects after a pause.
                Interlocked.Increment(ref _changes);
                try
                {
                    await Task.Delay(RetryDelay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
