namespace Ckan.Ingest.Fetching;

/// <summary>Limits on downloading a resource's URL for ingest.</summary>
public sealed record FetchOptions
{
    /// <summary>The largest accepted download in bytes; 10 MiB unless set, CKAN's default resource size.</summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>The time allowed for the whole download, connection included; 30 seconds unless set.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether URLs may point at loopback, link-local, private and other non-public addresses. Off by
    /// default, so that a resource URL cannot make the portal read its own network.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }
}
