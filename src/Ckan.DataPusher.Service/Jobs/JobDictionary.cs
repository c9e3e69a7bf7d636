using System.Text.Json.Nodes;

namespace Ckan.DataPusher.Service.Jobs;

/// <summary>Builds the job dictionary that the job API returns and the result URL receives.</summary>
public static class JobDictionary
{
    /// <summary>
    /// Returns the job's public fields and its log. The API key is never included; the job key only when
    /// <paramref name="includeJobKey"/> is set, for the client that created the job.
    /// </summary>
    public static JsonObject Build(JobRecord job, IReadOnlyList<JobLogEntry> logs, bool includeJobKey)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(logs);
        var dictionary = new JsonObject
        {
            ["job_id"] = job.JobId,
            ["job_type"] = job.JobType,
            ["status"] = job.Status,
            ["data"] = job.Data is null ? null : JsonNode.Parse(job.Data),
            ["error"] = job.Error?.DeepClone(),
            ["requested_timestamp"] = job.RequestedTimestamp,
            ["finished_timestamp"] = job.FinishedTimestamp,
            ["sent_data"] = job.SentData is null ? null : JsonNode.Parse(job.SentData),
            ["result_url"] = job.ResultUrl,
            ["metadata"] = job.Metadata.DeepClone(),
            ["logs"] = new JsonArray(logs.Select(ToNode).ToArray()),
        };
        if (includeJobKey)
        {
            dictionary["job_key"] = job.JobKey;
        }

        return dictionary;
    }

    private static JsonNode ToNode(JobLogEntry entry) => new JsonObject
    {
        ["timestamp"] = entry.Timestamp,
        ["message"] = entry.Message,
        ["level"] = entry.Level,
        ["module"] = entry.Module,
    };
}
