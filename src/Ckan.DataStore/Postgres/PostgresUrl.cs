using Npgsql;

namespace Ckan.DataStore.Postgres;

/// <summary>Turns CKAN's <c>postgresql://user:password@host:port/database</c> URLs into Npgsql settings.</summary>
public static class PostgresUrl
{
    /// <summary>Returns the connection string builder for a URL.</summary>
    /// <exception cref="FormatException">The URL is not a postgresql:// URL with a database.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != "postgresql" && uri.Scheme != "postgres"))
        {
            throw new FormatException("Use a URL of the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new FormatException("The PostgreSQL URL names no database: add /DATABASE after the host.");
        }

        return builder;
    }
}
