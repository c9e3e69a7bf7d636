namespace Ckan.Core.Config;

/// <summary>
/// The <c>ckan.auth.*</c> options with their CKAN 2.11 defaults and the one-line description that
/// <see cref="ConfigTemplate"/> writes above each of them.
/// </summary>
internal static class AuthOptionDefaults
{
    /// <summary>The prefix of every authorization option.</summary>
    public const string Prefix = "ckan.auth.";

    /// <summary>The options in the order the template lists them. Names are without <see cref="Prefix"/>.</summary>
    public static IReadOnlyList<(string Name, bool Default, string Description)> All { get; } =
    [
        ("anon_create_dataset", false, "Lets visitors who are not logged in create datasets."),
        ("create_unowned_dataset", false, "Lets users create datasets that belong to no organization."),
        ("create_dataset_if_not_in_organization", true,
            "Lets users who are not members of any organization create datasets."),
        ("user_create_groups", true, "Lets logged-in users create groups."),
        ("user_create_organizations", true, "Lets logged-in users create organizations."),
        ("user_delete_groups", true, "Lets group admins delete their groups."),
        ("user_delete_organizations", true, "Lets organization admins delete their organizations."),
        ("create_user_via_api", false, "Lets visitors register accounts through the Action API."),
        ("create_user_via_web", false, "Lets visitors register accounts through the web sign-up form."),
        ("public_user_details", true, "Shows user profiles and user lists to visitors who are not logged in."),
        ("public_activity_stream_detail", false,
            "Shows the changed fields in activity streams to visitors who are not logged in."),
        ("allow_dataset_collaborators", false, "Lets dataset owners add collaborators to single datasets."),
        ("allow_admin_collaborators", false, "Lets dataset collaborators have the admin role."),
        ("allow_collaborators_to_change_owner_org", false,
            "Lets dataset collaborators move a dataset to another organization."),
        ("reveal_private_datasets", false,
            "Answers 403 Forbidden instead of 404 Not Found when a user opens a private dataset they cannot see."),
        ("enable_cookie_auth_in_api", true, "Accepts the browser's login cookie on Action API calls."),
    ];

    /// <summary>Returns the default of <c>ckan.auth.<paramref name="name"/></c>, or null when CKAN sets none.</summary>
    public static bool? Find(string name)
    {
        foreach (var option in All)
        {
            if (string.Equals(option.Name, name, StringComparison.Ordinal))
            {
                return option.Default;
            }
        }

        return null;
    }
}
