namespace Ckan.Core.Config;

/// <summary>
/// Applies environment variables to config options, as CKAN 2.11 core and its envvars extension do.
/// </summary>
public static class EnvironmentOverrides
{
    private const string VerbatimPrefix = "CKAN___";
    private const string CorePrefix = "CKAN__";
    private const string ExtensionPrefix = "CKANEXT__";

    private static readonly (string Variable, string Option)[] CoreVariables =
    [
        ("CKAN_SQLALCHEMY_URL", "sqlalchemy.url"),
        ("CKAN_DATASTORE_WRITE_URL", "ckan.datastore.write_url"),
        ("CKAN_DATASTORE_READ_URL", "ckan.datastore.read_url"),
        ("CKAN_REDIS_URL", "ckan.redis.url"),
        ("CKAN_SOLR_URL", "solr_url"),
        ("CKAN_SOLR_USER", "solr_user"),
        ("CKAN_SOLR_PASSWORD", "solr_password"),
        ("CKAN_SITE_ID", "ckan.site_id"),
        ("CKAN_SITE_URL", "ckan.site_url"),
        ("CKAN_STORAGE_PATH", "ckan.storage_path"),
        ("CKAN_DATAPUSHER_URL", "ckan.datapusher.url"),
        ("CKAN_SMTP_SERVER", "smtp.server"),
        ("CKAN_SMTP_STARTTLS", "smtp.starttls"),
        ("CKAN_SMTP_USER", "smtp.user"),
        ("CKAN_SMTP_PASSWORD", "smtp.password"),
        ("CKAN_SMTP_MAIL_FROM", "smtp.mail_from"),
        ("CKAN_MAX_UPLOAD_SIZE_MB", "ckan.max_resource_size"),
    ];

    // Upper-case option names: Flask settings that CKAN 2.11 declares, and settings of the Flask extensions it
    // uses for sessions, login cookies and CSRF. The envvars form keeps these verbatim instead of lower-casing.
    private static readonly HashSet<string> UpperCaseOptions = new(StringComparer.Ordinal)
    {
        "SECRET_KEY",
        "APPLICATION_ROOT",
        "PERMANENT_SESSION_LIFETIME",
        "PREFERRED_URL_SCHEME",
        "SERVER_NAME",
        "SESSION_COOKIE_DOMAIN",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_NAME",
        "SESSION_COOKIE_PATH",
        "SESSION_COOKIE_SAMESITE",
        "SESSION_COOKIE_SECURE",
        "SESSION_REFRESH_EACH_REQUEST",
        "SESSION_TYPE",
        "SESSION_PERMANENT",
        "SESSION_USE_SIGNER",
        "REMEMBER_COOKIE_NAME",
        "REMEMBER_COOKIE_DURATION",
        "REMEMBER_COOKIE_DOMAIN",
        "REMEMBER_COOKIE_PATH",
        "REMEMBER_COOKIE_SECURE",
        "REMEMBER_COOKIE_HTTPONLY",
        "REMEMBER_COOKIE_SAMESITE",
        "REMEMBER_COOKIE_REFRESH_EACH_REQUEST",
        "WTF_CSRF_ENABLED",
        "WTF_CSRF_SECRET_KEY",
        "WTF_CSRF_FIELD_NAME",
        "WTF_CSRF_HEADERS",
        "WTF_CSRF_TIME_LIMIT",
        "WTF_CSRF_SSL_STRICT",
        "WTF_CSRF_METHODS",
        "MAX_CONTENT_LENGTH",
    };

    /// <summary>
    /// Overwrites options in <paramref name="options"/> from <paramref name="environment"/>.
    /// </summary>
    /// <remarks>
    /// <para>First the core variables of CKAN 2.11 apply, such as <c>CKAN_SQLALCHEMY_URL</c> for
    /// <c>sqlalchemy.url</c> and <c>CKAN_MAX_UPLOAD_SIZE_MB</c> for <c>ckan.max_resource_size</c>. A core variable
    /// that is set but empty is ignored.</para>
    /// <para>Then the envvars form applies, which wins over the core variables. It covers every variable starting
    /// with <c>CKAN___</c>, <c>CKAN__</c> or <c>CKANEXT__</c>. The <c>CKAN___</c> prefix is removed. A remaining
    /// name that is an upper-case option CKAN declares (such as <c>SECRET_KEY</c>) or a key already present in
    /// <paramref name="options"/> is kept verbatim. Any other name is lower-cased with <c>__</c> replaced by
    /// <c>.</c>, so <c>CKAN__SITE_ID</c> sets <c>ckan.site_id</c> and <c>CKAN___SQLALCHEMY__URL</c> sets
    /// <c>sqlalchemy.url</c>. Empty values apply too, as in the envvars extension. Variables apply in ordinal
    /// order of their names, so the later of two variables naming the same option wins.</para>
    /// <para>Other variables, including <c>CKAN_INI</c> and <c>CKAN_HOME</c>, are not options and are skipped.</para>
    /// </remarks>
    public static void Apply(IDictionary<string, string> options, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);

        foreach (var (variable, option) in CoreVariables)
        {
            if (environment.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value))
            {
                options[option] = value;
            }
        }

        var envvarsForm = environment
            .Where(pair => IsEnvvarsForm(pair.Key))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var (variable, value) in envvarsForm)
        {
            var option = ToOptionKey(variable, options);
            if (option.Length > 0)
            {
                options[option] = value;
            }
        }
    }

    private static bool IsEnvvarsForm(string variable) =>
        variable.StartsWith(CorePrefix, StringComparison.Ordinal)
        || variable.StartsWith(ExtensionPrefix, StringComparison.Ordinal);

    private static string ToOptionKey(string variable, IDictionary<string, string> options)
    {
        var name = variable.StartsWith(VerbatimPrefix, StringComparison.Ordinal)
            ? variable[VerbatimPrefix.Length..]
            : variable;
        if (UpperCaseOptions.Contains(name) || options.ContainsKey(name))
        {
            return name;
        }

        return name.ToLowerInvariant().Replace("__", ".", StringComparison.Ordinal);
    }
}
