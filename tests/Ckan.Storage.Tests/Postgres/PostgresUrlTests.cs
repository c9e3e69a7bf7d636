using Ckan.Core.Config;
using Ckan.Storage.Postgres;
using Npgsql;

namespace Ckan.Storage.Tests.Postgres;

public sealed class PostgresUrlTests
{
    [Fact]
    public void Converts_url_with_credentials_port_and_sslmode()
    {
        var connectionString = PostgresUrl.ToConnectionString(
            "postgresql://ckan_default:p%40ss@db.internal:6543/ckan_default?sslmode=require");

        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal("db.internal", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("ckan_default", parsed.Database);
        Assert.Equal("ckan_default", parsed.Username);
        Assert.Equal("p@ss", parsed.Password);
        Assert.Equal(SslMode.Require, parsed.SslMode);
    }

    [Fact]
    public void Uses_default_port_without_one()
    {
        var connectionString = PostgresUrl.ToConnectionString("postgresql://ckan@localhost/ckan");

        var parsed = new NpgsqlConnectionStringBuilder(connectionString);

        Assert.Equal(5432, parsed.Port);
        Assert.Null(parsed.Password);
    }

    [Fact]
    public void Rejects_unknown_query_parameter_without_showing_password()
    {
        var error = Assert.Throws<ConfigException>(
            () => PostgresUrl.ToConnectionString("postgresql://ckan:hunter2@localhost/ckan?pool=9"));

        Assert.Equal("sqlalchemy.url", error.Option);
        Assert.Contains("\"pool\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_url_without_database()
    {
        var error = Assert.Throws<ConfigException>(() => PostgresUrl.ToConnectionString("postgresql://ckan@localhost"));

        Assert.Contains("names no database", error.Message, StringComparison.Ordinal);
    }
}
