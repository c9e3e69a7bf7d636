using Ckan.Core.Config;

namespace Ckan.Jobs.Tests;

public sealed class JobQueueLocationTests
{
    [Fact]
    public void Explicit_option_wins()
    {
        var config = Config(("ckan.jobs.sqlite_path", "/data/queue.db"), ("sqlalchemy.url", "sqlite:////data/ckan.db"));

        Assert.Equal("/data/queue.db", JobQueueLocation.Resolve(config));
    }

    [Fact]
    public void Queue_sits_beside_sqlite_catalog()
    {
        var config = Config(("sqlalchemy.url", "sqlite:////srv/ckan/ckan.db"), ("ckan.storage_path", "/srv/files"));

        Assert.Equal("/srv/ckan/jobs.db", JobQueueLocation.Resolve(config));
    }

    [Fact]
    public void Postgres_catalog_uses_storage_path()
    {
        var config = Config(("sqlalchemy.url", "postgresql://ckan@db/ckan"), ("ckan.storage_path", "/srv/files"));

        Assert.Equal("/srv/files/jobs.db", JobQueueLocation.Resolve(config));
    }

    [Fact]
    public void Missing_place_names_the_option()
    {
        var config = Config(("sqlalchemy.url", "postgresql://ckan@db/ckan"));

        var error = Assert.Throws<ConfigException>(() => JobQueueLocation.Resolve(config));

        Assert.Null(JobQueueLocation.TryResolve(config));
        Assert.Equal("ckan.jobs.sqlite_path", error.Option);
    }

    private static CkanConfig Config(params (string Key, string Value)[] options) =>
        CkanConfig.FromOptions(options.ToDictionary(option => option.Key, option => option.Value));
}
