namespace Ckan.Cli.Tests.Commands;

public sealed class ConfigShowCommandTests : IDisposable
{
    private readonly CliSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Config_show_prints_options_sorted_by_key()
    {
        var run = await _site.RunAsync("config", "show");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "SECRET_KEY = ***",
                "ckan.site_url = http://ckan.test",
                $"sqlalchemy.url = sqlite:///{Path.Combine(_site.Directory, "ckan.db")}",
            ],
            run.OutputLines);
    }

    [Fact]
    public async Task Config_show_masks_secrets()
    {
        await CliSite.RunWithoutConfigAsync(
            "config-tool",
            _site.ConfigPath,
            "api_token.jwt.encode.secret=string:%(SECRET_KEY)s",
            "beaker.session.secret=old-secret",
            "smtp.password=mail-pass",
            "ckan.datapusher.api_token=eyJhbGciOi.payload.signature",
            "ckan.datastore.write_url=postgresql://writer:db-pass@localhost/datastore",
            "ckan.redis.url=redis://:redis-pass@localhost:6379/0",
            "api_token.nbytes=60");

        var run = await _site.RunAsync("config", "show");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("SECRET_KEY = ***", run.OutputLines);
        Assert.Contains("api_token.jwt.encode.secret = ***", run.OutputLines);
        Assert.Contains("beaker.session.secret = ***", run.OutputLines);
        Assert.Contains("smtp.password = ***", run.OutputLines);
        Assert.Contains("ckan.datapusher.api_token = ***", run.OutputLines);
        Assert.Contains("ckan.datastore.write_url = postgresql://writer:***@localhost/datastore", run.OutputLines);
        Assert.Contains("ckan.redis.url = redis://:***@localhost:6379/0", run.OutputLines);
        Assert.Contains("api_token.nbytes = 60", run.OutputLines);
        Assert.DoesNotContain(CliSite.SecretKey, run.Output, StringComparison.Ordinal);
        foreach (var secret in new[] { "old-secret", "mail-pass", "eyJhbGciOi", "db-pass", "redis-pass" })
        {
            Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Config_show_keeps_urls_without_passwords()
    {
        await CliSite.RunWithoutConfigAsync(
            "config-tool", _site.ConfigPath, "solr_url=http://127.0.0.1:8983/solr/ckan", "ckan.site_about=a@b:c");

        var run = await _site.RunAsync("config", "show");

        Assert.Contains("solr_url = http://127.0.0.1:8983/solr/ckan", run.OutputLines);
        Assert.Contains("ckan.site_about = a@b:c", run.OutputLines);
    }
}
