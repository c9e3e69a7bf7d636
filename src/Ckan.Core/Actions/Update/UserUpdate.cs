using System.Text.Json.Nodes;
using Ckan.Core.Actions.Get;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Schemas;

namespace Ckan.Core.Actions.Update;

/// <summary>Update actions on users: user_update and user_patch.</summary>
public static class UserUpdate
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("user_update", (context, data, token) => UpdateAsync(context, data, false, token))
        .Add("user_patch", (context, data, token) => UpdateAsync(context, data, true, token));

    /// <summary>
    /// user_update replaces a user's fields (parameter <c>id</c>; email stays required); user_patch
    /// changes only the keys given. An omitted password keeps the old one. Only the user and sysadmins
    /// may change a user.
    /// </summary>
    public static async Task<ActionResult> UpdateAsync(
        ActionContext context,
        JsonObject data,
        bool isPatch,
        CancellationToken cancellationToken)
    {
        var id = DataDict.Require(data, "id");
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var existing = await session.GetUserAsync(id, cancellationToken) ?? throw new NotFoundException("User not found");
        Authorizer.RequireSelfOrSysadmin(context, existing, $"User {context.UserName} not authorized to edit user {id}");

        var input = data;
        if (isPatch)
        {
            input = await UserGet.DictizeAsync(context.WithoutAuth(), session, existing, cancellationToken);
            foreach (var (key, value) in data)
            {
                input[key] = value?.DeepClone();
            }
        }

        var user = await UserSchema.ValidateAsync(context, session, input, existing, cancellationToken);
        await session.UpdateUserAsync(user, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return await UserGet.DictizeAsync(context, session, user, cancellationToken);
    }
}
