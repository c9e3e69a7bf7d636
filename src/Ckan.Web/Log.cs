using Microsoft.Extensions.Logging;

namespace Ckan.Web;

/// <summary>Log messages of the web host; event ids 7000-7999.</summary>
internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Error, "Action {Action} failed with an unexpected error")]
    public static partial void ActionFailed(ILogger logger, string action, Exception exception);

    [LoggerMessage(7002, LogLevel.Information, "Catalog schema upgraded: {Migrations}")]
    public static partial void SchemaUpgraded(ILogger logger, string migrations);

    [LoggerMessage(7003, LogLevel.Information, "Serving CKAN API at {SiteUrl} from catalog {Database}")]
    public static partial void Started(ILogger logger, string siteUrl, string database);

    [LoggerMessage(
        7005,
        LogLevel.Information,
        "Updating the search index from the catalog: {Missing} missing, {Stale} out of date, {Orphaned} orphaned")]
    public static partial void ReconcilingIndex(ILogger logger, int missing, int stale, int orphaned);

    [LoggerMessage(7004, LogLevel.Debug, "API token {TokenId} rejected: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string tokenId, string reason);

    [LoggerMessage(
        7006,
        LogLevel.Warning,
        "Plugins listed in ckan.plugins without their feature in this portal: {Plugins}")]
    public static partial void PluginsWithoutFeature(ILogger logger, string plugins);

    [LoggerMessage(7007, LogLevel.Error, "Page {Path} failed with an unexpected error")]
    public static partial void PageFailed(ILogger logger, string path, Exception exception);
}
