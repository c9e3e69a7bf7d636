using Ckan.Core.Config;
using Ckan.Jobs.Redis;
using Ckan.Jobs.Sqlite;

namespace Ckan.Jobs;

/// <summary>Chooses the job queue from the configuration: Redis when <c>ckan.redis.url</c> is set, else the embedded SQLite queue.</summary>
public static class JobQueueFactory
{
    /// <summary>The option giving, in seconds, how long a started job waits after its worker dies before it runs again.</summary>
    public const string LeaseOption = "ckan.jobs.lease_seconds";

    private const int DefaultLeaseSeconds = 60;

    /// <summary>Returns the queue for <paramref name="config"/>.</summary>
    /// <exception cref="ConfigException">The Redis URL or the lease option is invalid, or the SQLite queue has no place.</exception>
    public static IJobQueue Create(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Get("ckan.redis.url") is not { } url)
        {
            return new SqliteJobQueue(JobQueueLocation.Resolve(config));
        }

        var seconds = config.GetInt(LeaseOption, DefaultLeaseSeconds);
        if (seconds < 1)
        {
            throw new ConfigException($"{LeaseOption} must be at least 1 second, not {seconds}.") { Option = LeaseOption };
        }

        return RedisJobQueue.Connect(url, config.SiteId, TimeSpan.FromSeconds(seconds));
    }
}
