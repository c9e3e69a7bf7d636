using Ckan.DataPusher.Service.Jobs;
using Microsoft.Extensions.Logging;

namespace Ckan.DataPusher.Service.Push;

/// <summary>
/// Writes a job's log lines to the job store, where the job API returns them, and to the service log.
/// </summary>
public sealed class JobLog(JobStore store, string jobId, ILogger logger)
{
    private const string Module = "push_to_datastore";

    /// <summary>Adds an <c>INFO</c> line.</summary>
    public Task InfoAsync(string message, CancellationToken cancellationToken) =>
        AddAsync("INFO", LogLevel.Information, message, cancellationToken);

    /// <summary>Adds a <c>WARNING</c> line.</summary>
    public Task WarningAsync(string message, CancellationToken cancellationToken) =>
        AddAsync("WARNING", LogLevel.Warning, message, cancellationToken);

    /// <summary>Adds an <c>ERROR</c> line.</summary>
    public Task ErrorAsync(string message, CancellationToken cancellationToken) =>
        AddAsync("ERROR", LogLevel.Error, message, cancellationToken);

    private async Task AddAsync(string level, LogLevel logLevel, string message, CancellationToken cancellationToken)
    {
        ServiceLog.JobMessage(logger, logLevel, jobId, message);
        await store.AddLogAsync(
            jobId,
            new JobLogEntry { Timestamp = JobTime.Now(), Level = level, Message = message, Module = Module },
            cancellationToken);
    }
}
