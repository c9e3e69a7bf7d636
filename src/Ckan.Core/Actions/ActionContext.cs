using Ckan.Core.Catalog;
using Ckan.Core.Config;
using Ckan.Core.Model;
using Ckan.Core.Uploads;

namespace Ckan.Core.Actions;

/// <summary>
/// The caller of one action: who they are and what they belong to, with the portal's services.
/// Created per request; not shared between threads.
/// </summary>
public sealed class ActionContext(CkanServices services, UserRow? user, bool ignoreAuth = false)
{
    private IReadOnlyList<Membership>? _memberships;

    public CkanServices Services { get; } = services;
    public CkanConfig Config => Services.Config;
    public ICatalogStore Store => Services.Store;

    /// <summary>The logged-in user, or null for an anonymous caller.</summary>
    public UserRow? User { get; } = user;

    /// <summary>
    /// The path and query string of the HTTP request that runs the action, or null for calls made in the
    /// process; datastore_search builds its paging links from it, as CKAN does.
    /// </summary>
    public string? RequestUrl { get; init; }

    /// <summary>Whether authorization checks are skipped, as for CKAN's site user in the CLI.</summary>
    public bool IgnoreAuth { get; } = ignoreAuth;

    /// <summary>The file sent in the request's multipart <c>upload</c> field, or null.</summary>
    public StagedUpload? Upload { get; init; }

    /// <summary>
    /// Whether the call comes from the portal's web pages rather than the Action API; CKAN's
    /// <c>ckan.auth.create_user_via_web</c> and <c>create_user_via_api</c> tell the two apart.
    /// </summary>
    public bool IsWebForm { get; init; }

    /// <summary>Whether the caller passes every authorization check.</summary>
    public bool IsSysadmin => IgnoreAuth || User?.Sysadmin == true;

    /// <summary>The caller's name as CKAN prints it in messages (empty for anonymous).</summary>
    public string UserName => User?.Name ?? "";

    /// <summary>Returns the caller's memberships, loaded once per context.</summary>
    public async Task<IReadOnlyList<Membership>> GetMembershipsAsync(
        ICatalogSession session,
        CancellationToken cancellationToken)
    {
        if (User is null)
        {
            return [];
        }

        return _memberships ??= await session.ListMembershipsAsync(User.Id, cancellationToken);
    }

    /// <summary>Forgets loaded memberships after the action changed them.</summary>
    public void ResetMemberships() => _memberships = null;

    /// <summary>Creates a context for the same caller with authorization skipped.</summary>
    public ActionContext WithoutAuth() => new(Services, User, ignoreAuth: true);
}
