using Ckan.Core.Config;

namespace Ckan.DataPusher.External;

/// <summary>
/// The settings of an external DataPusher service, read from CKAN's options. Present only when
/// <c>ckan.datapusher.url</c> is set; otherwise loads run in-process.
/// </summary>
public sealed record ExternalDataPusherOptions
{
    /// <summary>The service's base URL, <c>ckan.datapusher.url</c>, such as <c>http://datapusher:8800/</c>.</summary>
    public required Uri ServiceUrl { get; init; }

    /// <summary>The portal API token the service calls back with (<c>ckan.datapusher.api_token</c>).</summary>
    public required string ApiToken { get; init; }

    /// <summary>
    /// The portal URL the service uses (<c>ckan.datapusher.callback_url_base</c>, else <c>ckan.site_url</c>),
    /// without a trailing slash. It is sent as <c>ckan_url</c> and the hook URL is built on it.
    /// </summary>
    public required string CallbackUrlBase { get; init; }

    /// <summary>The time allowed for each call to the service (<c>ckan.requests.timeout</c>, 5 s by default).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The URL jobs are posted to: <c>job</c> resolved against the service URL, as urljoin does.</summary>
    public Uri JobUrl => new(ServiceUrl, "job");

    /// <summary>The URL of one job, <c>job/{id}</c> resolved against the service URL.</summary>
    public Uri JobUrlOf(string jobId) => new(ServiceUrl, "job/" + Uri.EscapeDataString(jobId));

    /// <summary>The hook the service posts its result to.</summary>
    public string HookUrl => CallbackUrlBase + "/api/3/action/datapusher_hook";

    /// <summary>Reads the options; returns null when <c>ckan.datapusher.url</c> is not set.</summary>
    /// <exception cref="ConfigException">The URL is set but invalid, or the API token is missing, as CKAN
    /// checks at startup.</exception>
    public static ExternalDataPusherOptions? FromConfig(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Get("ckan.datapusher.url") is not { Length: > 0 } url)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigException(
                $"ckan.datapusher.url is \"{url}\", which is not an http or https URL. "
                + "Set it to the DataPusher service's address, such as http://datapusher:8800/.")
            {
                Option = "ckan.datapusher.url",
            };
        }

        if (config.Get("ckan.datapusher.api_token") is not { Length: > 0 } token)
        {
            throw new ConfigException("Config option `ckan.datapusher.api_token` must be set to use the DataPusher.")
            {
                Option = "ckan.datapusher.api_token",
            };
        }

        var callbackBase = config.Get("ckan.datapusher.callback_url_base") is { Length: > 0 } given
            ? given
            : config.SiteUrl;
        return new ExternalDataPusherOptions
        {
            ServiceUrl = serviceUrl,
            ApiToken = token,
            CallbackUrlBase = callbackBase.TrimEnd('/'),
            RequestTimeout = TimeSpan.FromSeconds(config.GetInt("ckan.requests.timeout", 5)),
        };
    }
}
