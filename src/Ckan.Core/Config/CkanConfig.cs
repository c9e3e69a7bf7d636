using System.Globalization;

namespace Ckan.Core.Config;

/// <summary>
/// A loaded CKAN configuration: the effective options of <c>[app:main]</c> after interpolation and environment
/// overrides, with typed accessors that apply CKAN 2.11's defaults.
/// </summary>
/// <remarks>
/// Instances are immutable and safe to share between threads. Keys are case-sensitive, as in CKAN.
/// </remarks>
public sealed class CkanConfig
{
    private const string SiteUrlOption = "ckan.site_url";
    private const string SqlAlchemyUrlOption = "sqlalchemy.url";
    private const string SecretKeyOption = "SECRET_KEY";
    private const string LegacySecretKeyOption = "beaker.session.secret";

    private static readonly char[] ListSeparators = [' ', '\t', '\n', '\r'];

    private CkanConfig(Dictionary<string, string> options, string? sourcePath, string? dataDirectory)
    {
        Options = options.AsReadOnly();
        SourcePath = sourcePath;
        DataDirectory = dataDirectory;
    }

    /// <summary>The effective options of <c>[app:main]</c>, including those inherited from <c>[DEFAULT]</c>.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>The full path of the loaded ini file, or null for the embedded default.</summary>
    public string? SourcePath { get; }

    /// <summary>The data folder of the embedded default, or null when the options come from an ini file.</summary>
    public string? DataDirectory { get; }

    /// <summary>The public URL of the site (<c>ckan.site_url</c>) without trailing slashes.</summary>
    /// <exception cref="ConfigException">The option is not set.</exception>
    public string SiteUrl => RequireSiteUrl().TrimEnd('/');

    /// <summary>The site identifier (<c>ckan.site_id</c>), <c>default</c> when unset.</summary>
    public string SiteId => GetString("ckan.site_id", "default");

    /// <summary>The site title (<c>ckan.site_title</c>), <c>CKAN</c> when unset.</summary>
    public string SiteTitle => GetString("ckan.site_title", "CKAN");

    /// <summary>The site description (<c>ckan.site_description</c>), empty when unset.</summary>
    public string SiteDescription => GetString("ckan.site_description", string.Empty);

    /// <summary>The default locale (<c>ckan.locale_default</c>), <c>en</c> when unset.</summary>
    public string LocaleDefault => GetString("ckan.locale_default", "en");

    /// <summary>The catalog database URL (<c>sqlalchemy.url</c>), or null when unset.</summary>
    public string? SqlAlchemyUrl => Get(SqlAlchemyUrlOption);

    /// <summary>The folder for uploaded files (<c>ckan.storage_path</c>), or null when uploads are off.</summary>
    public string? StoragePath => Get("ckan.storage_path");

    /// <summary>
    /// The largest accepted resource upload in megabytes of 2^20 bytes (<c>ckan.max_resource_size</c>),
    /// 10 when unset as in CKAN 2.11.
    /// </summary>
    /// <exception cref="ConfigException">The value is not a whole number.</exception>
    public int MaxResourceSizeMegabytes => GetInt("ckan.max_resource_size", 10);

    /// <summary>
    /// The secret that signs sessions and CSRF tokens: <c>SECRET_KEY</c>, or the legacy
    /// <c>beaker.session.secret</c> when only that is set.
    /// </summary>
    /// <exception cref="ConfigException">Neither option is set.</exception>
    public string SecretKey =>
        Get(SecretKeyOption)
        ?? Get(LegacySecretKeyOption)
        ?? throw new ConfigException(
            $"Missing required option {SecretKeyOption}. Set it in [app:main] to a long random string, " +
            "for example one from `ckan generate config`, or set the environment variable CKAN___SECRET_KEY.")
        {
            Option = SecretKeyOption,
        };

    /// <summary>
    /// The key that signs API tokens (<c>api_token.jwt.encode.secret</c>) in the form <c>string:VALUE</c> or
    /// <c>file:PATH</c>. When unset, it is <c>string:</c> followed by <see cref="SecretKey"/>.
    /// </summary>
    /// <exception cref="ConfigException">The option is unset and so is the secret key.</exception>
    public string JwtEncodeSecret => Get("api_token.jwt.encode.secret") ?? "string:" + SecretKey;

    /// <summary>
    /// The key that verifies API tokens (<c>api_token.jwt.decode.secret</c>) in the form <c>string:VALUE</c> or
    /// <c>file:PATH</c>. When unset, it is <c>string:</c> followed by <see cref="SecretKey"/>.
    /// </summary>
    /// <exception cref="ConfigException">The option is unset and so is the secret key.</exception>
    public string JwtDecodeSecret => Get("api_token.jwt.decode.secret") ?? "string:" + SecretKey;

    /// <summary>The JWT algorithm of API tokens (<c>api_token.jwt.algorithm</c>), <c>HS256</c> when unset.</summary>
    public string JwtAlgorithm => GetString("api_token.jwt.algorithm", "HS256");

    /// <summary>The request header that carries API tokens (<c>apitoken_header_name</c>), <c>Authorization</c>
    /// when unset.</summary>
    public string ApiTokenHeaderName => GetString("apitoken_header_name", "Authorization");

    /// <summary>
    /// Creates a configuration from a copy of <paramref name="options"/>, without interpolation or environment
    /// overrides.
    /// </summary>
    /// <param name="options">The option values by key.</param>
    /// <param name="sourcePath">The ini file the options came from, or null.</param>
    /// <param name="dataDirectory">The data folder of the embedded default, or null.</param>
    public static CkanConfig FromOptions(
        IReadOnlyDictionary<string, string> options,
        string? sourcePath = null,
        string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        var copy = new Dictionary<string, string>(options, StringComparer.Ordinal);
        return new CkanConfig(copy, sourcePath, dataDirectory);
    }

    /// <summary>Returns a copy of this configuration with option <paramref name="key"/> set to
    /// <paramref name="value"/>.</summary>
    public CkanConfig With(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);

        var copy = new Dictionary<string, string>(Options, StringComparer.Ordinal) { [key] = value };
        return new CkanConfig(copy, SourcePath, DataDirectory);
    }

    /// <summary>Returns a copy of this configuration with each default set where its option is unset.</summary>
    public CkanConfig WithDefaults(IEnumerable<KeyValuePair<string, string>> defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);

        var copy = new Dictionary<string, string>(Options, StringComparer.Ordinal);
        foreach (var (key, value) in defaults)
        {
            copy.TryAdd(key, value);
        }

        return new CkanConfig(copy, SourcePath, DataDirectory);
    }

    /// <summary>Returns the value of option <paramref name="key"/>, or null when it is unset, empty or only
    /// whitespace.</summary>
    public string? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        return Options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>Returns the value of option <paramref name="key"/>, or <paramref name="defaultValue"/> when
    /// <see cref="Get"/> returns null.</summary>
    public string GetString(string key, string defaultValue) => Get(key) ?? defaultValue;

    /// <summary>
    /// Returns option <paramref name="key"/> as a boolean: <c>true</c>, <c>yes</c>, <c>on</c> and <c>1</c> are
    /// true and <c>false</c>, <c>no</c>, <c>off</c> and <c>0</c> are false, in any letter case.
    /// </summary>
    /// <returns>The parsed value, or <paramref name="defaultValue"/> when the option is unset or empty.</returns>
    /// <exception cref="ConfigException">The value is not one of the accepted words.</exception>
    public bool GetBool(string key, bool defaultValue)
    {
        var value = Get(key);
        if (value is null)
        {
            return defaultValue;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => throw new ConfigException(
                $"Invalid value \"{value}\" for option {key}. Use true or false (yes/no, on/off and 1/0 also work).")
            {
                Option = key,
            },
        };
    }

    /// <summary>Returns option <paramref name="key"/> as a decimal integer.</summary>
    /// <returns>The parsed value, or <paramref name="defaultValue"/> when the option is unset or empty.</returns>
    /// <exception cref="ConfigException">The value is not an integer in the range of <see cref="int"/>.</exception>
    public int GetInt(string key, int defaultValue)
    {
        var value = Get(key);
        if (value is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw new ConfigException(
                $"Invalid value \"{value}\" for option {key}. Use a whole number such as 100.")
            {
                Option = key,
            };
        }

        return number;
    }

    /// <summary>
    /// Returns option <paramref name="key"/> split on whitespace, line breaks included, as CKAN splits list
    /// options such as <c>ckan.plugins</c>. Returns an empty list when the option is unset.
    /// </summary>
    public IReadOnlyList<string> GetList(string key)
    {
        var value = Get(key);
        return value is null ? [] : value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Returns the boolean option <c>ckan.auth.<paramref name="name"/></c> with CKAN 2.11's default, for example
    /// false for <c>anon_create_dataset</c> and true for <c>user_create_groups</c>. A name without a CKAN
    /// default defaults to false.
    /// </summary>
    /// <exception cref="ConfigException">The value is not a boolean.</exception>
    public bool AuthOption(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        return GetBool(AuthOptionDefaults.Prefix + name, AuthOptionDefaults.Find(name) ?? false);
    }

    /// <summary>
    /// Checks the options every command needs: <c>ckan.site_url</c> must start with <c>http://</c> or
    /// <c>https://</c>, and <c>sqlalchemy.url</c> must start with <c>sqlite:///</c> or <c>postgresql://</c>.
    /// </summary>
    /// <exception cref="ConfigException">An option is missing or invalid; the message and
    /// <see cref="ConfigException.Option"/> name it.</exception>
    public void Validate()
    {
        var siteUrl = RequireSiteUrl();
        if (!siteUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !siteUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigException(
                $"Invalid value \"{siteUrl}\" for option {SiteUrlOption}. " +
                "Use the public URL of the site, starting with http:// or https://.")
            {
                Option = SiteUrlOption,
            };
        }

        ValidateDatabaseUrl();
    }

    private string RequireSiteUrl() =>
        Get(SiteUrlOption)
        ?? throw new ConfigException(
            $"Missing required option {SiteUrlOption}. Set it to the public URL of the site, " +
            "such as https://data.example.org, in [app:main] or with the environment variable CKAN_SITE_URL.")
        {
            Option = SiteUrlOption,
        };

    private void ValidateDatabaseUrl()
    {
        var url = Get(SqlAlchemyUrlOption)
            ?? throw new ConfigException(
                $"Missing required option {SqlAlchemyUrlOption}. Set it to sqlite:///PATH or " +
                "postgresql://USER:PASSWORD@HOST/DATABASE in [app:main] " +
                "or with the environment variable CKAN_SQLALCHEMY_URL.")
            {
                Option = SqlAlchemyUrlOption,
            };

        if (url.StartsWith("sqlite:///", StringComparison.Ordinal)
            || url.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            return;
        }

        // Only the scheme goes into the message because the rest of the URL may contain a password.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "(none)" : url[..schemeEnd];
        throw new ConfigException(
            $"Option {SqlAlchemyUrlOption} uses the unsupported database URL scheme \"{scheme}\". " +
            "Use sqlite:///PATH or postgresql://USER:PASSWORD@HOST/DATABASE.")
        {
            Option = SqlAlchemyUrlOption,
        };
    }
}
