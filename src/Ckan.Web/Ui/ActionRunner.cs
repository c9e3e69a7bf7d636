using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Auth;
using Ckan.Core.Model;
using Ckan.Core.Uploads;
using Ckan.Web.Uploads;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Ui;

/// <summary>
/// Runs actions for a page as the logged-in user, exactly as the Action API would, so the pages
/// share the actions' authorization and validation. One instance per request.
/// </summary>
public sealed class ActionRunner(CkanServices services, IHttpContextAccessor accessor)
{
    /// <summary>The logged-in user of this request, or null for a visitor.</summary>
    public UserRow? User => accessor.HttpContext?.GetCkanUser();

    /// <summary>The portal's services.</summary>
    public CkanServices Services => services;

    /// <summary>
    /// Runs the action and returns its result. Throws the action's CKAN errors (validation, not found,
    /// not authorized, search query), which <see cref="ActionErrorPageFilter"/> turns into error pages.
    /// </summary>
    public Task<JsonNode?> RunAsync(string name, JsonObject data, CancellationToken cancellationToken) =>
        RunAsync(name, data, upload: null, cancellationToken);

    /// <summary>
    /// Runs the action with a file from the page's form as its <c>upload</c>, as a multipart API request
    /// would. The file is staged in the storage folder first; with uploads off (no
    /// <c>ckan.storage_path</c>) it is dropped, as CKAN drops it. A null file runs the action without one.
    /// </summary>
    public async Task<JsonNode?> RunAsync(
        string name,
        JsonObject data,
        IFormFile? upload,
        CancellationToken cancellationToken)
    {
        var action = services.Actions.Find(name)
            ?? throw new InvalidOperationException($"The web pages call action {name}, which is not registered.");
        using var staged = await StageAsync(upload, cancellationToken);
        var context = new ActionContext(services, User) { IsWebForm = true, Upload = staged };
        var result = await action.Handler(context, data, cancellationToken);
        return result.ToNode();
    }

    /// <summary>Runs the action and returns its result as an object (an empty one for a null result).</summary>
    public async Task<JsonObject> RunObjectAsync(string name, JsonObject data, CancellationToken cancellationToken) =>
        await RunAsync(name, data, cancellationToken) as JsonObject ?? [];

    /// <summary>Runs the action and returns its result as a list (an empty one for a null result).</summary>
    public async Task<JsonArray> RunListAsync(string name, JsonObject data, CancellationToken cancellationToken) =>
        await RunAsync(name, data, cancellationToken) as JsonArray ?? [];

    /// <summary>
    /// Tells whether the user may edit the dataset, asking the same authorization rule package_update
    /// applies, so edit links appear exactly where the action would accept the edit.
    /// </summary>
    public async Task<bool> CanEditDatasetAsync(JsonObject dataset, CancellationToken cancellationToken)
    {
        if (User is null)
        {
            return false;
        }

        var context = new ActionContext(services, User);
        await using var session = await services.Store.OpenSessionAsync(write: false, cancellationToken);
        return await Authorizer.CanUpdatePackageAsync(
            context, session, dataset.Str("owner_org"), dataset.Str("creator_user_id"), cancellationToken);
    }

    /// <summary>Tells whether the user may edit the organization or group (admin there, or sysadmin).</summary>
    public async Task<bool> CanEditGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        if (User is null)
        {
            return false;
        }

        var context = new ActionContext(services, User);
        await using var session = await services.Store.OpenSessionAsync(write: false, cancellationToken);
        return await Authorizer.HasGroupPermissionAsync(context, session, groupId, Permissions.Update, cancellationToken);
    }

    // NOTE: unlike the Action API, the pages keep Kestrel's request body limit (30,000,000 bytes by
    // default), so a form upload above it is rejected even when ckan.max_resource_size allows more.
    private async Task<StagedUpload?> StageAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0 || services.ResourceFiles is not { } files)
        {
            return null;
        }

        var maxBytes = services.Config.MaxResourceSizeMegabytes * 1024L * 1024L;
        await using var content = upload.OpenReadStream();
        var mimetype = FileMediaTypes.Guess(UploadFileName.Munge(upload.FileName));
        return await files.StageAsync(content, upload.FileName, mimetype, maxBytes, cancellationToken);
    }
}
