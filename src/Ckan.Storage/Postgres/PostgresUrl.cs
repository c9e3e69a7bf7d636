using Ckan.Core.Config;
using Npgsql;

namespace Ckan.Storage.Postgres;

/// <summary>
/// Turns a SQLAlchemy PostgreSQL URL (<c>postgresql://user:password@host:port/database?sslmode=require</c>)
/// into an Npgsql connection string.
/// </summary>
public static class PostgresUrl
{
    private const string Scheme = "postgresql://";

    /// <summary>Returns whether <paramref name="url"/> names a PostgreSQL database.</summary>
    public static bool IsPostgres(string url) => url.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>
    /// Parses the URL; throws <see cref="ConfigException"/> naming the option when a part is missing or
    /// a query parameter is not understood. The message never contains the password.
    /// </summary>
    public static string ToConnectionString(string url, string option = "sqlalchemy.url")
    {
        if (!IsPostgres(url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid(option, "is not a PostgreSQL URL");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw Invalid(option, "names no database");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        AddCredentials(builder, uri.UserInfo);
        AddQuery(builder, uri.Query, option);
        return builder.ConnectionString;
    }

    private static void AddCredentials(NpgsqlConnectionStringBuilder builder, string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return;
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        if (colon >= 0)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
    }

    private static void AddQuery(NpgsqlConnectionStringBuilder builder, string query, string option)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = ParseSslMode(value, option);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "host":
                    builder.Host = value;
                    break;
                default:
                    throw Invalid(
                        option,
                        $"has the query parameter \"{key}\", which is not supported; "
                        + "supported are sslmode, application_name, connect_timeout and host");
            }
        }
    }

    private static SslMode ParseSslMode(string value, string option) =>
        Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)
            ? mode
            : throw Invalid(option, $"has sslmode \"{value}\", which is not one of disable, allow, prefer, require, "
                + "verify-ca or verify-full");

    private static ConfigException Invalid(string option, string problem) =>
        new($"{option} {problem}; expected postgresql://user:password@host:5432/database.") { Option = option };
}
