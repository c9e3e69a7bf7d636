namespace Ckan.Ingest;

/// <summary>
/// A file or URL that cannot be ingested: empty, unreadable, too large, or not allowed. The message
/// says what was wrong, where, and what to do next.
/// </summary>
public sealed class IngestException : Exception
{
    public IngestException(string message)
        : base(message)
    {
    }

    public IngestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
