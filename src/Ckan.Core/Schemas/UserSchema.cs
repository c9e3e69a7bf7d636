using System.Text.Json;
using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Catalog;
using Ckan.Core.Json;
using Ckan.Core.Model;
using Ckan.Core.Schemas.Validators;
using Ckan.Core.Security;

namespace Ckan.Core.Schemas;

/// <summary>Validates user dictionaries for user_create and user_update.</summary>
public static class UserSchema
{
    /// <summary>
    /// Validates the dictionary and returns the row to store, with the password hashed. On update,
    /// <paramref name="existing"/> is the stored user and an omitted password keeps the old one.
    /// </summary>
    public static async Task<UserRow> ValidateAsync(
        ActionContext context,
        ICatalogSession session,
        JsonObject input,
        UserRow? existing,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        var id = existing?.Id;
        if (id is null && context.IsSysadmin && DataDict.GetString(input, "id") is { Length: > 0 } givenId)
        {
            id = givenId;
            if (await session.GetUserAsync(givenId, cancellationToken) is { } clash
                && string.Equals(clash.Id, givenId, StringComparison.Ordinal))
            {
                errors.Add("id", "User id already exists");
            }
        }

        id ??= Guid.NewGuid().ToString();
        var name = await ValidateNameAsync(session, input, existing, id, errors, cancellationToken);
        var email = await ValidateEmailAsync(session, input, id, errors, cancellationToken);
        var password = ValidatePassword(context, input, existing, errors);
        var about = DataDict.GetString(input, "about");
        if (about is not null && (about.Contains("http://", StringComparison.OrdinalIgnoreCase)
            || about.Contains("https://", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("about", "Edit not allowed as it looks like spam. Please avoid links in your description.");
        }

        errors.ThrowIfAny();
        var state = DataDict.GetString(input, "state");
        return new UserRow
        {
            Id = id,
            Name = name,
            Password = password,
            Fullname = DataDict.GetString(input, "fullname"),
            Email = email,
            Apikey = existing?.Apikey,
            Created = existing?.Created ?? CkanTime.ToStorage(CkanTime.UtcNow()),
            ResetKey = existing?.ResetKey,
            About = about,
            LastActive = existing?.LastActive,
            ActivityStreamsEmailNotifications = DataDict.GetBool(
                input, "activity_streams_email_notifications", existing?.ActivityStreamsEmailNotifications ?? false),
            Sysadmin = context.IsSysadmin
                ? DataDict.GetBool(input, "sysadmin", existing?.Sysadmin ?? false)
                : existing?.Sysadmin ?? false,
            State = context.IsSysadmin && state is "active" or "pending" or "deleted" ? state : existing?.State ?? "active",
            ImageUrl = DataDict.GetString(input, "image_url"),
            PluginExtras = existing?.PluginExtras,
        };
    }

    private static async Task<string> ValidateNameAsync(
        ICatalogSession session,
        JsonObject input,
        UserRow? existing,
        string id,
        ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        if (!input.TryGetPropertyValue("name", out var node) || node is null || DataDict.AsString(node) is "")
        {
            if (existing is not null)
            {
                return existing.Name;
            }

            errors.Add("name", "Missing value");
            return "";
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add("name", "Names must be strings");
            return "";
        }

        var name = node.GetValue<string>();
        var problem = NameRules.Check(name);
        if (problem is not null)
        {
            errors.Add("name", problem);
            return name;
        }

        var holder = await session.GetUserAsync(name, cancellationToken);
        if (holder is not null && !string.Equals(holder.Id, id, StringComparison.Ordinal)
            && string.Equals(holder.Name, name, StringComparison.Ordinal))
        {
            errors.Add("name", "That login name is not available.");
        }

        return name;
    }

    private static async Task<string?> ValidateEmailAsync(
        ICatalogSession session,
        JsonObject input,
        string id,
        ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        var email = DataDict.GetString(input, "email")?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("email", "Missing value");
            return null;
        }

        if (!EmailRules.IsValid(email))
        {
            errors.Add("email", $"Email {email} is not a valid format");
            return email;
        }

        var holder = await session.FindActiveUserByEmailAsync(email, cancellationToken);
        if (holder is not null && !string.Equals(holder.Id, id, StringComparison.Ordinal))
        {
            errors.Add("email", $"The email address '{email}' belongs to a registered user.");
        }

        return email;
    }

    private static string? ValidatePassword(
        ActionContext context,
        JsonObject input,
        UserRow? existing,
        ErrorCollector errors)
    {
        var hash = DataDict.GetString(input, "password_hash");
        if (!string.IsNullOrEmpty(hash) && context.IsSysadmin)
        {
            return hash;
        }

        if (!input.TryGetPropertyValue("password", out var node) || node is null || DataDict.AsString(node) is "")
        {
            if (existing is null)
            {
                errors.Add("password", "Missing value");
            }

            return existing?.Password;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add("password", "Passwords must be strings");
            return null;
        }

        var password = node.GetValue<string>();
        if (password.Length < 8)
        {
            errors.Add("password", "Your password must be 8 characters or longer");
            return null;
        }

        return PasswordHasher.Hash(password);
    }
}
