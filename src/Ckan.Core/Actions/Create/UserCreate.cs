using System.Text.Json.Nodes;
using Ckan.Core.Actions.Get;
using Ckan.Core.Auth;
using Ckan.Core.Errors;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Schemas;
using Ckan.Core.Security;

namespace Ckan.Core.Actions.Create;

/// <summary>Create actions on users and API tokens: user_create and api_token_create.</summary>
public static class UserCreate
{
    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .Add("user_create", UserCreateAsync)
        .Add("api_token_create", ApiTokenCreateAsync);

    /// <summary>
    /// user_create: creates a user. Parameters: <c>name</c>, <c>email</c> and <c>password</c> (required;
    /// sysadmins may give <c>password_hash</c> instead), <c>fullname</c>, <c>about</c>, <c>image_url</c>,
    /// <c>id</c> and <c>sysadmin</c> (sysadmins only), <c>with_apitoken</c> (adds a <c>token</c>).
    /// Anyone may call it when <c>ckan.auth.create_user_via_api</c> is on (<c>create_user_via_web</c> for the
    /// web pages' sign-up form); otherwise only sysadmins.
    /// </summary>
    public static async Task<ActionResult> UserCreateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var option = context.IsWebForm ? "create_user_via_web" : "create_user_via_api";
        if (!context.IsSysadmin && !context.Config.AuthOption(option))
        {
            throw new NotAuthorizedException(context.IsWebForm
                ? $"User {context.UserName} not authorized to create users"
                : $"User {context.UserName} not authorized to create users via the API");
        }

        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var user = await UserSchema.ValidateAsync(context, session, data, null, cancellationToken);
        await session.InsertUserAsync(user, cancellationToken);
        string? token = null;
        if (DataDict.GetBool(data, "with_apitoken", false))
        {
            token = await IssueTokenAsync(context, session, user, "default", cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        var dict = await UserGet.DictizeAsync(context.WithoutAuth(), session, user, cancellationToken);
        if (token is not null)
        {
            dict["token"] = token;
        }

        return dict;
    }

    /// <summary>
    /// api_token_create: issues a token for a user. Parameters (required): <c>user</c> (id or name),
    /// <c>name</c>. Returns <c>{"token": jwt}</c>; the token is shown only this once.
    /// </summary>
    public static async Task<ActionResult> ApiTokenCreateAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var userRef = DataDict.GetString(data, "user");
        var name = DataDict.GetString(data, "name");
        if (string.IsNullOrEmpty(userRef))
        {
            errors.Add("user", "Missing value");
        }

        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "Missing value");
        }

        errors.ThrowIfAny();
        await using var session = await context.Store.OpenSessionAsync(write: true, cancellationToken);
        var user = await session.GetUserAsync(userRef!, cancellationToken) ?? throw new NotFoundException("User not found");
        Authorizer.RequireAuthenticated(context, "api_token_create");
        Authorizer.RequireSelfOrSysadmin(context, user, message: null);

        var token = await IssueTokenAsync(context, session, user, name!, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return new JsonObject { ["token"] = token };
    }

    /// <summary>Stores a new token row for the user and returns its JWT.</summary>
    public static async Task<string> IssueTokenAsync(
        ActionContext context,
        Catalog.ICatalogSession session,
        UserRow user,
        string name,
        CancellationToken cancellationToken)
    {
        var created = CkanTime.UtcNow();
        var id = ApiTokenCodec.NewTokenId(context.Config.GetInt("api_token.nbytes", 32));
        await session.InsertApiTokenAsync(
            new ApiTokenRow { Id = id, Name = name, UserId = user.Id, CreatedAt = CkanTime.ToStorage(created) },
            cancellationToken);
        return context.Services.Tokens.Encode(id, created);
    }
}
