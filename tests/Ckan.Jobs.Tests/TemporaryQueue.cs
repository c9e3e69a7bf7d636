using Ckan.Jobs.Sqlite;

namespace Ckan.Jobs.Tests;

/// <summary>A queue file in its own temporary folder, deleted with the folder.</summary>
public sealed class TemporaryQueue : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ckan-jobs-" + Guid.NewGuid().ToString("N"));

    public TemporaryQueue()
    {
        FilePath = Path.Combine(_folder, "jobs.db");
        Queue = new SqliteJobQueue(FilePath);
    }

    public string FilePath { get; }

    public SqliteJobQueue Queue { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
