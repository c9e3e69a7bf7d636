using System.Text.Json.Nodes;
using Ckan.Core.Json;

namespace Ckan.Core.Uploads;

/// <summary>
/// What an upload or <c>clear_upload</c> does to one resource in resource_create and resource_update,
/// as CKAN 2.11's <c>ResourceUpload</c> does: the resource fields change before the save, and the file
/// moves (or goes) after it.
/// </summary>
public sealed class ResourceUploadChange
{
    private readonly ResourceFileStore? _store;
    private readonly StagedUpload? _upload;
    private readonly bool _isClearing;

    private ResourceUploadChange(ResourceFileStore? store, StagedUpload? upload, bool isClearing)
    {
        _store = store;
        _upload = upload;
        _isClearing = isClearing;
    }

    /// <summary>
    /// Removes <c>upload</c> and <c>clear_upload</c> from <paramref name="resource"/> and, when a file came
    /// with the request and storage is on, sets <c>url</c> to its file name, <c>url_type</c> to
    /// <c>upload</c>, <c>last_modified</c> to now, and <c>mimetype</c> and <c>size</c> unless given.
    /// A <c>clear_upload</c> without a file sets <c>url_type</c> to empty. With storage off (no
    /// <paramref name="store"/>) uploads are ignored, as CKAN ignores them.
    /// </summary>
    public static ResourceUploadChange Prepare(JsonObject resource, StagedUpload? upload, ResourceFileStore? store)
    {
        ArgumentNullException.ThrowIfNull(resource);

        var isClearing = IsTruthy(resource["clear_upload"]);
        resource.Remove("upload");
        resource.Remove("clear_upload");
        if (store is null)
        {
            return new ResourceUploadChange(null, null, false);
        }

        if (upload is not null)
        {
            // A client-chosen id that cannot name a file is rejected before anything is saved.
            if (DataDict.GetString(resource, "id") is { Length: > 0 } id)
            {
                store.GetPath(id);
            }

            resource["url"] = upload.FileName;
            resource["url_type"] = "upload";
            resource["last_modified"] = CkanTime.ToStorage(CkanTime.UtcNow());
            if (!resource.ContainsKey("mimetype"))
            {
                resource["mimetype"] = upload.Mimetype;
            }

            if (!resource.ContainsKey("size"))
            {
                resource["size"] = upload.Size;
            }

            return new ResourceUploadChange(store, upload, false);
        }

        if (isClearing)
        {
            resource["url_type"] = "";
        }

        return new ResourceUploadChange(store, null, isClearing);
    }

    /// <summary>Moves the staged file to the saved resource, or deletes its old file after a clear.</summary>
    public void Complete(string resourceId)
    {
        if (_store is null)
        {
            return;
        }

        if (_upload is not null)
        {
            _store.Attach(_upload, resourceId);
        }
        else if (_isClearing)
        {
            _store.Delete(resourceId);
        }
    }

    // CKAN tests the form value for truth, so "", "false" aside, any given value clears.
    private static bool IsTruthy(JsonNode? node) =>
        DataDict.AsString(node) is { Length: > 0 } text
        && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
}
