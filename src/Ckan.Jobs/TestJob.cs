using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Ckan.Jobs;

/// <summary>The job that <c>ckan jobs test</c> queues: it logs its message, as CKAN's <c>test_job</c> prints it.</summary>
public static class TestJob
{
    /// <summary>The kind name of test jobs.</summary>
    public const string Kind = "test";

    /// <summary>Returns the request for a test job on <paramref name="queue"/>.</summary>
    public static JobRequest Create(string queue) => new()
    {
        Kind = Kind,
        Queue = queue,
        Title = "A test job",
        Payload = JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = "A test job" }),
    };

    /// <summary>Returns the handler, which logs the payload's message through <paramref name="logger"/>.</summary>
    /// <remarks>
    /// A payload with <c>delay_seconds</c> (at most an hour) makes the job wait that long first, which shows
    /// how workers handle a long job, for example that its lease is renewed or that it runs again after a crash.
    /// </remarks>
    public static JobHandler Handler(ILogger logger) => async (job, cancellationToken) =>
    {
        using var payload = JsonDocument.Parse(job.Payload);
        var message = payload.RootElement.TryGetProperty("message", out var value) ? value.GetString() : null;
        if (payload.RootElement.TryGetProperty("delay_seconds", out var delay) && delay.TryGetInt32(out var seconds))
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600)), cancellationToken);
        }

        Log.TestJobRan(logger, job.Id, message ?? "");
    };
}
