using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.DataPusher.Service.Tests.Support;

namespace Ckan.DataPusher.Service.Tests.Api;

/// <summary>The job API over HTTP: validation messages, job keys and the service's status.</summary>
public sealed class JobApiTests
{
    public static TheoryData<string, string, string> InvalidSubmissions => new()
    {
        { "text/plain", """{"job_type": "push_to_datastore", "api_key": "k"}""",
            "Not recognised as json, make sure content type is application/json" },
        { "application/json", """{"job_type": "push_to_datastore",""", "Malformed json" },
        { "application/json", """{"job_type": "push_to_datastore", "api_key": "k", "priority": 1}""",
            "Too many arguments. Extra keys are priority" },
        { "application/json", """{"job_type": "push_to_datastore", "api_key": "k", "result_url": "ftp://x"}""",
            "result_url has to start with http" },
        { "application/json", """{"api_key": "k"}""", "Please specify a job type" },
        { "application/json", """{"job_type": "echo", "api_key": "k"}""",
            "Job type echo not available. Available job types are push_to_datastore" },
        { "application/json", """{"job_type": "push_to_datastore"}""", "Please provide your API key." },
        { "application/json", """{"job_type": "push_to_datastore", "api_key": "k", "metadata": [1]}""",
            "metadata has to be a json object" },
    };

    [Theory]
    [MemberData(nameof(InvalidSubmissions))]
    public async Task Submission_errors_are_conflicts(string contentType, string body, string message)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken);

        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await service.Client.PostAsync("job", content, cancellationToken);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(message, json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reused_job_id_is_conflict()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken);

        var first = await PostJobAsync(service, "job/fixed-id", cancellationToken);
        var second = await PostJobAsync(service, "job/fixed-id", cancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("fixed-id", first.Json["job_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("job_id fixed-id already exists", second.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Job_read_needs_its_key()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken);
        var created = await PostJobAsync(service, "job", cancellationToken);
        var jobId = created.Json["job_id"]!.GetValue<string>();
        var jobKey = created.Json["job_key"]!.GetValue<string>();

        var anonymous = await GetAsync(service, "job/" + jobId, null, cancellationToken);
        var wrongKey = await GetAsync(service, "job/" + jobId, "not-the-key", cancellationToken);
        var withKey = await GetAsync(service, "job/" + jobId, jobKey, cancellationToken);
        var withSecret = await GetAsync(service, "job/" + jobId, TestService.SecretKey, cancellationToken);
        var missing = await GetAsync(service, "job/no-such-job", jobKey, cancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
        Assert.Equal("not authorized", anonymous.Json["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.Status);
        Assert.Equal(HttpStatusCode.OK, withKey.Status);
        Assert.Equal(jobId, withKey.Json["job_id"]!.GetValue<string>());
        Assert.Null(withKey.Json["api_key"]);
        Assert.Null(withKey.Json["job_key"]);
        Assert.Equal(HttpStatusCode.OK, withSecret.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("job_id not found", missing.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Job_without_portal_ends_in_error()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken);
        var created = await PostJobAsync(service, "job", cancellationToken);
        var jobId = created.Json["job_id"]!.GetValue<string>();

        var job = await WaitForEndAsync(service, jobId, cancellationToken);
        var status = await GetAsync(service, "status", null, cancellationToken);
        var list = await GetAsync(service, "job", TestService.SecretKey, cancellationToken);
        var listWithoutKey = await GetAsync(service, "job", null, cancellationToken);

        Assert.Equal("error", job["status"]!.GetValue<string>());
        Assert.Contains(
            "Could not reach the portal", job["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(job["finished_timestamp"]!.GetValue<string>());
        Assert.Contains(job["logs"]!.AsArray(), entry => entry!["level"]!.GetValue<string>() == "ERROR");
        Assert.Equal("datapusher", status.Json["name"]!.GetValue<string>());
        Assert.Equal(1, status.Json["stats"]!["error"]!.GetValue<long>());
        Assert.Equal([jobId], list.Json["list"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, listWithoutKey.Status);
    }

    [Fact]
    public async Task Finished_job_can_be_deleted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken);
        var created = await PostJobAsync(service, "job", cancellationToken);
        var jobId = created.Json["job_id"]!.GetValue<string>();
        var jobKey = created.Json["job_key"]!.GetValue<string>();
        await WaitForEndAsync(service, jobId, cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Delete, "job/" + jobId);
        request.Headers.TryAddWithoutValidation("Authorization", jobKey);
        using var deleted = await service.Client.SendAsync(request, cancellationToken);
        var after = await GetAsync(service, "job/" + jobId, jobKey, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Json)> PostJobAsync(
        TestService service,
        string path,
        CancellationToken cancellationToken)
    {
        // Nothing listens on a port that was just free, so the job fails at its first portal call.
        var body = new JsonObject
        {
            ["job_type"] = "push_to_datastore",
            ["api_key"] = "portal-token",
            ["metadata"] = new JsonObject
            {
                ["resource_id"] = "r1",
                ["ckan_url"] = "http://127.0.0.1:" + LinkedPortal.FreePort(),
            },
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await service.Client.PostAsync(path, content, cancellationToken);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        return (response.StatusCode, json);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Json)> GetAsync(
        TestService service,
        string path,
        string? key,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", key);
        }

        using var response = await service.Client.SendAsync(request, cancellationToken);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        return (response.StatusCode, json);
    }

    private static async Task<JsonObject> WaitForEndAsync(
        TestService service,
        string jobId,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var job = await GetAsync(service, "job/" + jobId, TestService.SecretKey, cancellationToken);
            if (job.Json["status"]!.GetValue<string>() != "pending")
            {
                return job.Json;
            }

            Assert.True(DateTime.UtcNow < deadline, "the job did not end within 30 s: " + job.Json.ToJsonString());
            await Task.Delay(100, cancellationToken);
        }
    }
}
