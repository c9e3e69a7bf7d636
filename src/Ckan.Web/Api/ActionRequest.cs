using System.Text.Json.Nodes;
using Ckan.Core.Uploads;

namespace Ckan.Web.Api;

/// <summary>
/// A decoded action request: the input dictionary and the file of the multipart <c>upload</c> field.
/// Disposing it deletes the staged file unless an action attached it to a resource.
/// </summary>
public sealed record ActionRequest(JsonObject Data, StagedUpload? Upload) : IDisposable
{
    /// <summary>Deletes the staged upload, if any is left.</summary>
    public void Dispose() => Upload?.Dispose();
}
