namespace Ckan.DataPusher.External;

/// <summary>The DataPusher service could not be reached: refused, unresolvable or timed out.</summary>
public sealed class DataPusherConnectionException(string message, Exception innerException)
    : Exception(message, innerException);
