namespace Ckan.Jobs;

/// <summary>The states of a job, named as RQ, which CKAN uses, names them.</summary>
public static class JobStatus
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";

    /// <summary>Taken by a worker and running.</summary>
    public const string Started = "started";

    /// <summary>Ran to the end.</summary>
    public const string Finished = "finished";

    /// <summary>Raised an error; <see cref="Job.Error"/> has the message.</summary>
    public const string Failed = "failed";
}
