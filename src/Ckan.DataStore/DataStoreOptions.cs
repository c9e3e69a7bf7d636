using Ckan.Core.Config;

namespace Ckan.DataStore;

/// <summary>
/// The DataStore's settings from ckan.ini, with CKAN's option names and defaults where CKAN has them.
/// </summary>
public sealed record DataStoreOptions
{
    /// <summary>The plugin name that turns the DataStore on in <c>ckan.plugins</c>.</summary>
    public const string PluginName = "datastore";

    /// <summary>Whether <c>ckan.plugins</c> lists <c>datastore</c>.</summary>
    public bool IsEnabled { get; init; }

    /// <summary><c>ckan.datastore.write_url</c>: a postgresql:// URL, or sqlite:///PATH for the embedded store.</summary>
    public string? WriteUrl { get; init; }

    /// <summary><c>ckan.datastore.read_url</c>: the read-only role's URL (PostgreSQL only).</summary>
    public string? ReadUrl { get; init; }

    /// <summary>The embedded store's file when <see cref="WriteUrl"/> is not PostgreSQL.</summary>
    public string SqlitePath { get; init; } = "datastore.db";

    /// <summary><c>ckan.datastore.search.rows_default</c>: the limit when none is given.</summary>
    public int RowsDefault { get; init; } = 100;

    /// <summary><c>ckan.datastore.search.rows_max</c>: the largest limit honoured.</summary>
    public int RowsMax { get; init; } = 32000;

    /// <summary><c>ckan.datastore.sqlsearch.enabled</c>: whether datastore_search_sql exists.</summary>
    public bool SqlSearchEnabled { get; init; }

    /// <summary><c>ckan.datastore.sqlsearch.allowed_functions_file</c>; null for the bundled list.</summary>
    public string? AllowedFunctionsFile { get; init; }

    /// <summary><c>ckan.datastore.default_fts_lang</c>: the text search language when none is given.</summary>
    public string DefaultLanguage { get; init; } = "english";

    /// <summary>
    /// <c>ckan.datastore.default_fts_index_method</c>: the PostgreSQL index on <c>_full_text</c>, <c>gist</c>
    /// (CKAN's default) or <c>gin</c> (larger and slower to build, faster to search).
    /// </summary>
    public string FullTextIndexMethod { get; init; } = "gist";

    /// <summary>
    /// <c>ckan.datastore.query_timeout</c>: milliseconds a DataStore statement may run (CKAN fixes 60000).
    /// </summary>
    public int TimeoutMilliseconds { get; init; } = 60000;

    /// <summary>Whether the PostgreSQL backend is configured.</summary>
    public bool IsPostgres => WriteUrl?.StartsWith("postgres", StringComparison.Ordinal) == true;

    /// <summary>Reads the options; the embedded file defaults to <c>datastore.db</c> beside the catalog.</summary>
    /// <exception cref="ConfigException">PostgreSQL is configured without a read URL, or a number is invalid.</exception>
    public static DataStoreOptions FromConfig(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var writeUrl = config.Get("ckan.datastore.write_url");
        var readUrl = config.Get("ckan.datastore.read_url");
        var options = new DataStoreOptions
        {
            IsEnabled = config.GetList("ckan.plugins").Contains(PluginName, StringComparer.Ordinal),
            WriteUrl = writeUrl,
            ReadUrl = readUrl,
            SqlitePath = SqlitePathFor(config, writeUrl),
            RowsDefault = config.GetInt("ckan.datastore.search.rows_default", 100),
            RowsMax = config.GetInt("ckan.datastore.search.rows_max", 32000),
            SqlSearchEnabled = config.GetBool("ckan.datastore.sqlsearch.enabled", false),
            AllowedFunctionsFile = config.Get("ckan.datastore.sqlsearch.allowed_functions_file"),
            DefaultLanguage = config.GetString("ckan.datastore.default_fts_lang", "english"),
            TimeoutMilliseconds = config.GetInt("ckan.datastore.query_timeout", 60000),
            FullTextIndexMethod = config.GetString("ckan.datastore.default_fts_index_method", "gist"),
        };
        if (options.FullTextIndexMethod is not ("gist" or "gin"))
        {
            throw new ConfigException(
                $"ckan.datastore.default_fts_index_method is \"{options.FullTextIndexMethod}\"; use gist or gin.")
            {
                Option = "ckan.datastore.default_fts_index_method",
            };
        }

        if (options.IsEnabled && options.IsPostgres && string.IsNullOrEmpty(readUrl))
        {
            throw new ConfigException(
                "ckan.datastore.write_url is a PostgreSQL URL but ckan.datastore.read_url is not set. "
                + "Set it to the read-only role's URL on the same database (see ckan datastore set-permissions).");
        }

        return options;
    }

    private static string SqlitePathFor(CkanConfig config, string? writeUrl)
    {
        const string sqlitePrefix = "sqlite:///";
        if (writeUrl?.StartsWith(sqlitePrefix, StringComparison.Ordinal) == true)
        {
            return writeUrl[sqlitePrefix.Length..];
        }

        var catalog = config.SqlAlchemyUrl;
        if (catalog?.StartsWith(sqlitePrefix, StringComparison.Ordinal) == true
            && Path.GetDirectoryName(catalog[sqlitePrefix.Length..]) is { Length: > 0 } folder)
        {
            return Path.Combine(folder, "datastore.db");
        }

        var root = config.StoragePath ?? config.DataDirectory ?? Environment.CurrentDirectory;
        return Path.Combine(root, "datastore.db");
    }
}
