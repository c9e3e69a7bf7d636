namespace Ckan.DataPusher.Service.Tests;

/// <summary>Reading the service's settings from DATAPUSHER_* environment variables.</summary>
public sealed class ServiceSettingsTests
{
    [Fact]
    public void Unset_variables_give_defaults()
    {
        var settings = ServiceSettings.FromEnvironment(new Dictionary<string, string?>());

        Assert.Equal(10_485_760, settings.MaxContentLength);
        Assert.Equal(250, settings.ChunkInsertRows);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.DownloadTimeout);
        Assert.True(settings.SslVerify);
        Assert.False(settings.AllowPrivateAddresses);
        Assert.Null(settings.SecretKey);
        Assert.EndsWith("ckan-datapusher-jobs.db", settings.JobStorePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_set_every_option()
    {
        var settings = ServiceSettings.FromEnvironment(new Dictionary<string, string?>
        {
            ["DATAPUSHER_MAX_CONTENT_LENGTH"] = "1024000",
            ["DATAPUSHER_CHUNK_INSERT_ROWS"] = "1000",
            ["DATAPUSHER_DOWNLOAD_TIMEOUT"] = "5",
            ["DATAPUSHER_SSL_VERIFY"] = "False",
            ["DATAPUSHER_ALLOW_PRIVATE_ADDRESSES"] = "yes",
            ["DATAPUSHER_JOB_STORE"] = "/var/lib/datapusher/jobs.db",
            ["DATAPUSHER_SECRET_KEY"] = " admin-key ",
        });

        Assert.Equal(1_024_000, settings.MaxContentLength);
        Assert.Equal(1000, settings.ChunkInsertRows);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.DownloadTimeout);
        Assert.False(settings.SslVerify);
        Assert.True(settings.AllowPrivateAddresses);
        Assert.Equal("/var/lib/datapusher/jobs.db", settings.JobStorePath);
        Assert.Equal("admin-key", settings.SecretKey);
    }

    [Theory]
    [InlineData("DATAPUSHER_MAX_CONTENT_LENGTH", "ten")]
    [InlineData("DATAPUSHER_CHUNK_INSERT_ROWS", "0")]
    [InlineData("DATAPUSHER_DOWNLOAD_TIMEOUT", "-3")]
    [InlineData("DATAPUSHER_SSL_VERIFY", "maybe")]
    public void Invalid_value_names_the_variable(string name, string value)
    {
        var environment = new Dictionary<string, string?> { [name] = value };

        var error = Assert.Throws<InvalidOperationException>(() => ServiceSettings.FromEnvironment(environment));

        Assert.StartsWith($"{name} is \"{value}\"", error.Message, StringComparison.Ordinal);
    }
}
