using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.DataPusher.Service.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ckan.DataPusher.Service.Api;

/// <summary>
/// The HTTP API of ckan-service-provider, which DataPusher serves and CKAN's datapusher plugin calls:
/// service help and status, job submission, job status, listing and deletion.
/// </summary>
public static class JobApi
{
    private const string NotAuthorized = "not authorized";
    private const string NotFound = "job_id not found";
    private const int DefaultListLimit = 500;
    private const int DefaultClearDays = 10;

    /// <summary>Maps the endpoints onto <paramref name="app"/>.</summary>
    public static void MapJobApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Reply(200, new JsonObject
        {
            ["help"] = "This is a DataPusher service: POST a push_to_datastore job to /job, read it at "
                + "/job/JOB_ID with its job_key in the Authorization header, and see GET /status. "
                + "Get help at: http://ckan-service-provider.readthedocs.org/.",
        }));
        app.MapGet("/status", StatusAsync);
        app.MapPost("/job", (HttpContext http, JobStore store, JobSignal signal, CancellationToken cancellationToken) =>
            SubmitAsync(http, store, signal, Guid.NewGuid().ToString(), cancellationToken));
        app.MapPost("/job/{jobId}", SubmitAsync);
        app.MapGet("/job/{jobId}", ShowAsync);
        app.MapGet("/job", ListAsync);
        app.MapDelete("/job/{jobId}", DeleteAsync);
        app.MapDelete("/job", ClearAsync);
    }

    private static async Task<IResult> StatusAsync(JobStore store, CancellationToken cancellationToken)
    {
        var counts = await store.CountByStatusAsync(cancellationToken);
        return Reply(200, new JsonObject
        {
            ["version"] = 0.1,
            ["job_types"] = new JsonArray(JobSubmission.JobTypes.Select(type => (JsonNode?)type).ToArray()),
            ["name"] = "datapusher",
            ["stats"] = new JsonObject
            {
                ["pending"] = counts.GetValueOrDefault("pending"),
                ["complete"] = counts.GetValueOrDefault("complete"),
                ["error"] = counts.GetValueOrDefault("error"),
            },
        });
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext http,
        JobStore store,
        JobSignal signal,
        string jobId,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var (submission, error) = JobSubmission.Parse(http.Request.ContentType, body);
        if (submission is null)
        {
            return Error(409, error!);
        }

        var job = new JobRecord
        {
            JobId = jobId,
            JobType = submission.JobType,
            Status = "pending",
            JobKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ApiKey = submission.ApiKey,
            ResultUrl = submission.ResultUrl,
            Metadata = submission.Metadata,
            Data = submission.Data,
            RequestedTimestamp = JobTime.Now(),
        };
        if (!await store.TryAddAsync(job, cancellationToken))
        {
            return Error(409, $"job_id {jobId} already exists");
        }

        signal.Notify();
        return Reply(200, JobDictionary.Build(job, [], includeJobKey: true));
    }

    private static async Task<IResult> ShowAsync(
        HttpContext http,
        JobStore store,
        ServiceSettings settings,
        string jobId,
        CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null)
        {
            return Error(404, NotFound);
        }

        if (!IsAuthorized(http, settings, job))
        {
            return Error(403, NotAuthorized);
        }

        var limit = ParseCount(http.Request.Query["limit"]);
        var logs = await store.GetLogsAsync(jobId, limit, cancellationToken);
        return Reply(200, JobDictionary.Build(job, logs, includeJobKey: false));
    }

    private static async Task<IResult> ListAsync(
        HttpContext http,
        JobStore store,
        ServiceSettings settings,
        CancellationToken cancellationToken)
    {
        if (!IsAuthorized(http, settings, job: null))
        {
            return Error(403, NotAuthorized);
        }

        var query = http.Request.Query;
        var filter = query
            .Where(pair => pair.Key is not ("_limit" or "_offset"))
            .ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var ids = await store.ListAsync(
            filter,
            ParseCount(query["_limit"]) ?? DefaultListLimit,
            ParseCount(query["_offset"]) ?? 0,
            cancellationToken);
        return Reply(200, new JsonObject { ["list"] = new JsonArray(ids.Select(id => (JsonNode?)id).ToArray()) });
    }

    private static async Task<IResult> DeleteAsync(
        HttpContext http,
        JobStore store,
        ServiceSettings settings,
        string jobId,
        CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null)
        {
            return Error(404, NotFound);
        }

        if (!IsAuthorized(http, settings, job))
        {
            return Error(403, NotAuthorized);
        }

        // The worker may be running a pending job, so only finished jobs can be deleted.
        if (job.Status == "pending")
        {
            return Error(409, $"job_id {jobId} is still pending; delete it once it has finished");
        }

        await store.DeleteAsync(jobId, cancellationToken);
        return Reply(200, new JsonObject { ["success"] = true });
    }

    private static async Task<IResult> ClearAsync(
        HttpContext http,
        JobStore store,
        ServiceSettings settings,
        CancellationToken cancellationToken)
    {
        if (!IsAuthorized(http, settings, job: null))
        {
            return Error(403, NotAuthorized);
        }

        var days = http.Request.Query["days"].ToString();
        var keepDays = DefaultClearDays;
        if (days.Length > 0 && !int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out keepDays))
        {
            return Error(409, $"days is \"{days}\", which is not a whole number of days to keep");
        }

        var deleted = await store.DeleteFinishedAsync(DateTime.UtcNow.AddDays(-keepDays), cancellationToken);
        var ids = new JsonArray(deleted.Select(id => (JsonNode?)id).ToArray());
        return Reply(200, new JsonObject { ["deleted"] = ids });
    }

    // The job's own key opens that job; the service's secret key opens every job and the admin requests.
    private static bool IsAuthorized(HttpContext http, ServiceSettings settings, JobRecord? job)
    {
        var given = http.Request.Headers.Authorization.ToString();
        if (given.Length == 0)
        {
            return false;
        }

        return (job is not null && KeysMatch(given, job.JobKey))
            || (settings.SecretKey is { } secret && KeysMatch(given, secret));
    }

    private static bool KeysMatch(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static int? ParseCount(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static IResult Error(int status, string message) => Reply(status, new JsonObject { ["error"] = message });

    private static IResult Reply(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);
}
