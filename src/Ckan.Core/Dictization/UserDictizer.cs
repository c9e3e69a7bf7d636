using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Json;
using Ckan.Core.Model;

namespace Ckan.Core.Dictization;

/// <summary>
/// Builds user dictionaries. Password hashes and reset keys never appear; the email and API key only for
/// the user themselves and sysadmins.
/// </summary>
public static class UserDictizer
{
    /// <summary>Builds the dictionary user_show and user_list return.</summary>
    public static JsonObject Dictize(UserRow user, int numberCreatedPackages, bool includePrivateFields)
    {
        var dict = new JsonObject
        {
            ["id"] = user.Id,
            ["name"] = user.Name,
            ["fullname"] = user.Fullname,
            ["created"] = CkanTime.ToIso(user.Created),
            ["about"] = user.About,
            ["last_active"] = CkanTime.ToIso(user.LastActive),
            ["activity_streams_email_notifications"] = user.ActivityStreamsEmailNotifications,
            ["sysadmin"] = user.Sysadmin,
            ["state"] = user.State,
            ["image_url"] = user.ImageUrl,
            ["image_display_url"] = user.ImageUrl,
            ["display_name"] = string.IsNullOrEmpty(user.Fullname) ? user.Name : user.Fullname,
            ["email_hash"] = EmailHash(user.Email),
            ["number_created_packages"] = numberCreatedPackages,
        };
        if (includePrivateFields)
        {
            dict["email"] = user.Email;
            dict["apikey"] = user.Apikey;
        }

        return dict;
    }

    /// <summary>Returns the MD5 hex of the trimmed, lowercased email, as Gravatar and CKAN use it.</summary>
    public static string EmailHash(string? email)
    {
#pragma warning disable CA5351 // MD5 is what Gravatar and CKAN define email_hash as, not a security measure.
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes((email ?? "").Trim().ToLowerInvariant()));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(bytes);
    }
}
