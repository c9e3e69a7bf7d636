using Ckan.Core.Config;

namespace Ckan.DataPusher;

/// <summary>The DataPusher's settings, read from CKAN's options.</summary>
public sealed record DataPusherOptions
{
    /// <summary>The plugin name that turns the DataPusher on; it needs <c>datastore</c> too.</summary>
    public const string PluginName = "datapusher";

    // CKAN 2.11's default ckan.datapusher.formats.
    private static readonly string[] DefaultFormats =
    [
        "csv", "xls", "xlsx", "tsv", "application/csv", "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ods",
        "application/vnd.oasis.opendocument.spreadsheet",
    ];

    /// <summary>Resource formats loaded automatically, lower-case.</summary>
    public required IReadOnlySet<string> Formats { get; init; }

    /// <summary>How long a pending load blocks a new submission (<c>ckan.datapusher.assume_task_stale_after</c>).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Limits for files fetched from resource URLs.</summary>
    public required Ingest.Fetching.FetchOptions Fetch { get; init; }

    /// <summary>Reads the options; <c>ckan.max_resource_size</c> (MB) bounds fetched files too.</summary>
    public static DataPusherOptions FromConfig(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var formats = config.GetList("ckan.datapusher.formats");
        return new DataPusherOptions
        {
            Formats = (formats.Count > 0 ? formats : DefaultFormats)
                .Select(format => format.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            StaleAfter = TimeSpan.FromSeconds(config.GetInt("ckan.datapusher.assume_task_stale_after", 3600)),
            Fetch = new Ingest.Fetching.FetchOptions
            {
                MaxBytes = config.MaxResourceSizeMegabytes * 1024L * 1024L,
                AllowPrivateAddresses = config.GetBool("ckan.datapusher.allow_private_addresses", false),
            },
        };
    }
}
