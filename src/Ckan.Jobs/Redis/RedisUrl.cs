using System.Globalization;
using Ckan.Core.Config;
using StackExchange.Redis;

namespace Ckan.Jobs.Redis;

/// <summary>Reads CKAN's <c>ckan.redis.url</c> form, <c>redis://[[user]:password@]host[:port][/db]</c>.</summary>
public static class RedisUrl
{
    private const int DefaultPort = 6379;

    /// <summary>Returns the client options for the URL; <c>rediss://</c> turns TLS on.</summary>
    /// <exception cref="ConfigException">The URL is not a redis:// or rediss:// URL, or its database is not a number.</exception>
    public static ConfigurationOptions Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "redis" && uri.Scheme != "rediss"))
        {
            throw new ConfigException($"Invalid ckan.redis.url \"{url}\": expected redis://host:port/db.")
            {
                Option = "ckan.redis.url",
            };
        }

        var options = new ConfigurationOptions
        {
            Ssl = uri.Scheme == "rediss",
            AbortOnConnectFail = false,
            ConnectTimeout = 5000,
        };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            var user = Uri.UnescapeDataString(parts[0]);
            options.User = user.Length > 0 && parts.Length == 2 ? user : null;
            options.Password = Uri.UnescapeDataString(parts.Length == 2 ? parts[1] : parts[0]);
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            if (!int.TryParse(database, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new ConfigException($"Invalid ckan.redis.url \"{url}\": the database must be a number.")
                {
                    Option = "ckan.redis.url",
                };
            }

            options.DefaultDatabase = number;
        }

        return options;
    }
}
