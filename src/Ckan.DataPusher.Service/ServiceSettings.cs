using System.Globalization;

namespace Ckan.DataPusher.Service;

/// <summary>
/// The service's settings, read from the environment variables that DataPusher's default deployment uses.
/// </summary>
public sealed record ServiceSettings
{
    /// <summary>The address Kestrel listens on unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> sets another.</summary>
    public const string DefaultUrls = "http://0.0.0.0:8800";

    /// <summary>The largest resource file downloaded, in bytes (<c>DATAPUSHER_MAX_CONTENT_LENGTH</c>).</summary>
    public long MaxContentLength { get; init; } = 10_485_760;

    /// <summary>The rows sent in one datastore_create call (<c>DATAPUSHER_CHUNK_INSERT_ROWS</c>).</summary>
    public int ChunkInsertRows { get; init; } = 250;

    /// <summary>The time allowed for a whole download (<c>DATAPUSHER_DOWNLOAD_TIMEOUT</c>, in seconds).</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether TLS certificates of the portal and of resource hosts are checked (<c>DATAPUSHER_SSL_VERIFY</c>).
    /// </summary>
    public bool SslVerify { get; init; } = true;

    /// <summary>
    /// Whether resource URLs may point at loopback, private and link-local addresses
    /// (<c>DATAPUSHER_ALLOW_PRIVATE_ADDRESSES</c>). The portal's own host, <c>ckan_url</c>, is always allowed.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>The SQLite file of the job store (<c>DATAPUSHER_JOB_STORE</c>).</summary>
    public required string JobStorePath { get; init; }

    /// <summary>
    /// The administrator key (<c>DATAPUSHER_SECRET_KEY</c>): it reads any job, lists and clears jobs. Null
    /// turns those administrator requests off.
    /// </summary>
    public string? SecretKey { get; init; }

    /// <summary>The time between a failed resource_show and its one retry; 5 seconds, as in DataPusher.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The folder for downloaded files while they are parsed.</summary>
    public string TempFolder { get; init; } = Path.Combine(Path.GetTempPath(), "ckan-datapusher");

    /// <summary>Reads the settings from <paramref name="environment"/>, with defaults for unset variables.</summary>
    /// <exception cref="InvalidOperationException">A variable has an invalid value; the message names it.</exception>
    public static ServiceSettings FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reader = new Reader(environment);
        var defaults = new ServiceSettings { JobStorePath = "" };
        return new ServiceSettings
        {
            MaxContentLength = reader.Long("DATAPUSHER_MAX_CONTENT_LENGTH", defaults.MaxContentLength),
            ChunkInsertRows = (int)reader.Long("DATAPUSHER_CHUNK_INSERT_ROWS", defaults.ChunkInsertRows, max: 100_000),
            DownloadTimeout = TimeSpan.FromSeconds(
                reader.Long("DATAPUSHER_DOWNLOAD_TIMEOUT", (long)defaults.DownloadTimeout.TotalSeconds, max: 86_400)),
            SslVerify = reader.Bool("DATAPUSHER_SSL_VERIFY", defaults.SslVerify),
            AllowPrivateAddresses = reader.Bool("DATAPUSHER_ALLOW_PRIVATE_ADDRESSES", false),
            JobStorePath = reader.Text("DATAPUSHER_JOB_STORE")
                ?? Path.Combine(Path.GetTempPath(), "ckan-datapusher-jobs.db"),
            SecretKey = reader.Text("DATAPUSHER_SECRET_KEY"),
        };
    }

    /// <summary>Reads the settings from the process environment.</summary>
    public static ServiceSettings FromEnvironment()
    {
        var variables = Environment.GetEnvironmentVariables();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in variables)
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        return FromEnvironment(environment);
    }

    private sealed class Reader(IReadOnlyDictionary<string, string?> environment)
    {
        public string? Text(string name) =>
            environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public long Long(string name, long defaultValue, long max = long.MaxValue)
        {
            if (Text(name) is not { } text)
            {
                return defaultValue;
            }

            var isNumber = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
            if (!isNumber || value < 1 || value > max)
            {
                var range = "1 to " + max.ToString(CultureInfo.InvariantCulture);
                throw new InvalidOperationException(
                    $"{name} is \"{text}\", which is not a whole number from {range}. "
                    + "Set it to such a number or unset it for the default.");
            }

            return value;
        }

        public bool Bool(string name, bool defaultValue) => Text(name)?.ToLowerInvariant() switch
        {
            null => defaultValue,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            var text => throw new InvalidOperationException(
                $"{name} is \"{text}\", which is not a boolean. Set it to true or false, or unset it for the default."),
        };
    }
}
