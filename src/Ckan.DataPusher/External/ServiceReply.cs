using System.Net;
using System.Text.Json.Nodes;

namespace Ckan.DataPusher.External;

/// <summary>
/// A response of the DataPusher service: status, body text and the body as a JSON object if it is one.
/// </summary>
public sealed record ServiceReply(HttpStatusCode Status, string Text, JsonObject? Json)
{
    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
