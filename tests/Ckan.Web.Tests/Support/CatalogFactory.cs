using System.Text.Json.Nodes;

namespace Ckan.Web.Tests.Support;

/// <summary>
/// Builds catalog objects for a test in-process with authorization skipped, as CKAN's test factories do.
/// Every object gets a unique name, so tests never share rows.
/// </summary>
public static class CatalogFactory
{
    /// <summary>Creates an organization with no members and returns its name.</summary>
    public static Task<string> CreateOrganizationAsync(this TestPortal portal, CancellationToken cancellationToken) =>
        CreateAsync(portal, "organization_create", "org", cancellationToken);

    /// <summary>Creates a group with no members and returns its name.</summary>
    public static Task<string> CreateGroupAsync(this TestPortal portal, CancellationToken cancellationToken) =>
        CreateAsync(portal, "group_create", "group", cancellationToken);

    /// <summary>Gives the user a capacity (admin, editor or member) in a group or organization.</summary>
    public static async Task AddMemberAsync(
        this TestPortal portal,
        string group,
        TestUser user,
        string capacity,
        CancellationToken cancellationToken)
    {
        var member = new JsonObject
        {
            ["id"] = group,
            ["object"] = user.Name,
            ["object_type"] = "user",
            ["capacity"] = capacity,
        };
        await portal.ArrangeAsync("member_create", member, cancellationToken);
    }

    /// <summary>Creates a public dataset owned by the organization and returns its dictionary.</summary>
    public static Task<JsonObject> CreateDatasetAsync(
        this TestPortal portal,
        string organization,
        CancellationToken cancellationToken) =>
        portal.CreateDatasetAsync(new JsonObject { ["owner_org"] = organization }, cancellationToken);

    /// <summary>
    /// Creates a dataset from the given fields, adding a unique name when none is given, and returns its
    /// dictionary.
    /// </summary>
    public static async Task<JsonObject> CreateDatasetAsync(
        this TestPortal portal,
        JsonObject fields,
        CancellationToken cancellationToken)
    {
        var data = fields.DeepClone().AsObject();
        data["name"] ??= Names.Unique("dataset");
        var created = await portal.ArrangeAsync("package_create", data, cancellationToken);
        return created!.AsObject();
    }

    /// <summary>Returns package_list as an anonymous caller sees it.</summary>
    public static async Task<IReadOnlyList<string>> ListDatasetNamesAsync(
        this TestPortal portal,
        CancellationToken cancellationToken)
    {
        var response = await portal.GetAsync("/api/3/action/package_list", cancellationToken: cancellationToken);
        ApiAssert.Status(response, System.Net.HttpStatusCode.OK);
        return response.Result!.AsArray().Select(name => name!.GetValue<string>()).ToList();
    }

    private static async Task<string> CreateAsync(
        TestPortal portal,
        string action,
        string prefix,
        CancellationToken cancellationToken)
    {
        var name = Names.Unique(prefix);
        await portal.ArrangeAsync(action, new JsonObject { ["name"] = name }, cancellationToken);
        return name;
    }
}
