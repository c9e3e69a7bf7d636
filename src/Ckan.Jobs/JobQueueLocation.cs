using Ckan.Core.Config;

namespace Ckan.Jobs;

/// <summary>Where the embedded job queue keeps its SQLite file.</summary>
public static class JobQueueLocation
{
    /// <summary>The option that names the queue file.</summary>
    public const string Option = "ckan.jobs.sqlite_path";

    private const string FileName = "jobs.db";

    /// <summary>
    /// Returns <c>ckan.jobs.sqlite_path</c> when set; otherwise <c>jobs.db</c> beside a SQLite catalog,
    /// else in <c>ckan.storage_path</c>.
    /// </summary>
    /// <exception cref="ConfigException">None of those options gives a folder.</exception>
    public static string Resolve(CkanConfig config) =>
        TryResolve(config)
        ?? throw new ConfigException(
            $"No place for the job queue: set {Option} to a file path, or set ckan.storage_path.")
        {
            Option = Option,
        };

    /// <summary>Returns the queue file as <see cref="Resolve"/> does, or null when no option gives a folder.</summary>
    public static string? TryResolve(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);

        if (config.Get(Option) is { } path)
        {
            return path;
        }

        const string sqlitePrefix = "sqlite:///";
        var catalog = config.SqlAlchemyUrl;
        if (catalog is not null && catalog.StartsWith(sqlitePrefix, StringComparison.Ordinal))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(catalog[sqlitePrefix.Length..]));
            if (folder is not null)
            {
                return Path.Combine(folder, FileName);
            }
        }

        return config.StoragePath is { } storage ? Path.Combine(storage, FileName) : null;
    }
}
