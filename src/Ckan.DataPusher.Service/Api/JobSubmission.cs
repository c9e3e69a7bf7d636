using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ckan.DataPusher.Service.Api;

/// <summary>
/// The body of <c>POST /job</c>, checked as ckan-service-provider checks it. Each problem has that
/// service's message, because clients such as CKAN show it to users.
/// </summary>
public sealed record JobSubmission
{
    /// <summary>The job types this service runs.</summary>
    public static readonly IReadOnlyList<string> JobTypes = ["push_to_datastore"];

    private static readonly string[] AllowedKeys = ["job_type", "data", "metadata", "result_url", "api_key"];

    public required string JobType { get; init; }

    public required string ApiKey { get; init; }

    public string? ResultUrl { get; init; }

    public required JsonObject Metadata { get; init; }

    /// <summary>The <c>data</c> value as JSON text, or null.</summary>
    public string? Data { get; init; }

    /// <summary>Parses and checks a request body; returns the submission or the error message.</summary>
    public static (JobSubmission? Submission, string? Error) Parse(string? contentType, string body)
    {
        if (contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Not recognised as json, make sure content type is application/json");
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "Malformed json");
        }

        if (parsed is not JsonObject input || input.Count == 0)
        {
            return (null, "Not recognised as json, make sure content type is application/json");
        }

        return Check(input);
    }

    private static (JobSubmission?, string?) Check(JsonObject input)
    {
        var extra = input
            .Select(pair => pair.Key)
            .Where(key => !AllowedKeys.Contains(key, StringComparer.Ordinal))
            .ToList();
        if (extra.Count > 0)
        {
            return (null, "Too many arguments. Extra keys are " + string.Join(", ", extra));
        }

        var resultUrl = Text(input["result_url"]);
        var hasHttpResultUrl = resultUrl?.StartsWith("http", StringComparison.Ordinal) == true;
        if (input["result_url"] is not null && !hasHttpResultUrl)
        {
            return (null, "result_url has to start with http");
        }

        if (Text(input["job_type"]) is not { Length: > 0 } jobType)
        {
            return (null, "Please specify a job type");
        }

        if (!JobTypes.Contains(jobType, StringComparer.Ordinal))
        {
            return (null, $"Job type {jobType} not available. Available job types are {string.Join(", ", JobTypes)}");
        }

        if (Text(input["api_key"]) is not { Length: > 0 } apiKey)
        {
            return (null, "Please provide your API key.");
        }

        var metadata = input["metadata"];
        if (metadata is not null and not JsonObject)
        {
            return (null, "metadata has to be a json object");
        }

        return (new JobSubmission
        {
            JobType = jobType,
            ApiKey = apiKey,
            ResultUrl = resultUrl,
            Metadata = (JsonObject?)metadata?.DeepClone() ?? [],
            Data = input["data"]?.ToJsonString(),
        }, null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
