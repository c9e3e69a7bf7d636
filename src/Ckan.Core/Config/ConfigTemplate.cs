using System.Globalization;
using System.Text;

namespace Ckan.Core.Config;

/// <summary>
/// A fresh <c>ckan.ini</c>, as <c>ckan generate config</c> writes it, set up for the embedded profile: SQLite
/// and uploads next to the file, a new random <c>SECRET_KEY</c>, and every option commented.
/// </summary>
public static class ConfigTemplate
{
    /// <summary>Returns the text of a new config file with a newly generated <c>SECRET_KEY</c>.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        AppendHeader(text);
        AppendGeneralOptions(text, SecretKeyStore.Generate());
        AppendAuthOptions(text);
        return text.ToString();
    }

    /// <summary>Writes a new config file from <see cref="Render"/>, creating missing parent folders.</summary>
    /// <exception cref="ConfigException">The file already exists. It is left unchanged.</exception>
    public static void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        try
        {
            using var stream = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(Render());
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            throw new ConfigException(
                $"Config file already exists: {fullPath}. Choose another path, or delete the file to replace it.");
        }
    }

    private static void AppendHeader(StringBuilder text)
    {
        text.Append("""
            #
            # CKAN configuration
            #
            # The options below are read from [app:main]. %(here)s is the folder of this file.
            # Environment variables override options, for example CKAN_SQLALCHEMY_URL or CKAN__SITE_ID.
            #

            [DEFAULT]

            # Turns on debugging aids in the web interface. Never enable it on a public site.
            debug = false

            [app:main]

            """);
        text.Append('\n');
    }

    private static void AppendGeneralOptions(StringBuilder text, string secretKey)
    {
        text.Append(CultureInfo.InvariantCulture, $$"""
            # Catalog database: a SQLite file next to this config. For PostgreSQL use a URL such as
            # sqlalchemy.url = postgresql://ckan_default:pass@localhost/ckan_default
            sqlalchemy.url = sqlite:///%(here)s/ckan.db

            # Public URL of the site, without a trailing slash.
            ckan.site_url = http://localhost:5000

            # Identifier of this site, used to keep its search index and job queues apart from other sites.
            ckan.site_id = default

            # Secret that signs sessions and CSRF tokens, and API tokens unless set below. Keep it private.
            SECRET_KEY = {{secretKey}}

            # Key that signs new API tokens, as string:VALUE or file:PATH.
            api_token.jwt.encode.secret = string:%(SECRET_KEY)s

            # Key that verifies API tokens, as string:VALUE or file:PATH.
            api_token.jwt.decode.secret = string:%(SECRET_KEY)s

            # Plugins to load, separated by spaces, in order.
            ckan.plugins =

            # Folder for uploaded files. Without this option, uploads are turned off.
            ckan.storage_path = %(here)s/storage

            # Solr core for dataset search. Without this option, the built-in search index is used.
            # solr_url = http://127.0.0.1:8983/solr/ckan

            """);
        text.Append('\n');
    }

    private static void AppendAuthOptions(StringBuilder text)
    {
        text.Append("## Authorization options, set to CKAN's defaults.\n");
        foreach (var (name, defaultValue, description) in AuthOptionDefaults.All)
        {
            text.Append('\n');
            text.Append("# ").Append(description).Append('\n');
            text.Append(AuthOptionDefaults.Prefix).Append(name).Append(" = ")
                .Append(defaultValue ? "true" : "false").Append('\n');
        }
    }
}
