using Ckan.Core.Model;

namespace Ckan.Storage.Postgres;

internal sealed partial class PostgresCatalogSession
{
    private const string UserColumns = """
        id, name, password, fullname, email, apikey, created, reset_key, about, last_active,
        activity_streams_email_notifications, sysadmin, state, image_url, plugin_extras::text AS plugin_extras
        """;

    public Task<UserRow?> GetUserAsync(string idOrName, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<UserRow>(
            $"""
            (SELECT {UserColumns} FROM "user" WHERE id = @idOrName)
            UNION ALL
            (SELECT {UserColumns} FROM "user" WHERE name = @idOrName AND id <> @idOrName)
            LIMIT 1
            """,
            new { idOrName },
            cancellationToken);

    public Task<UserRow?> FindActiveUserByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<UserRow>(
            $"SELECT {UserColumns} FROM \"user\" WHERE lower(email) = lower(@email) AND state = 'active' LIMIT 1",
            new { email },
            cancellationToken);

    public Task InsertUserAsync(UserRow user, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO "user" (id, name, password, fullname, email, apikey, created, reset_key, about,
                last_active, activity_streams_email_notifications, sysadmin, state, image_url, plugin_extras)
            VALUES (@Id, @Name, @Password, @Fullname, @Email, @Apikey, @Created::timestamp, @ResetKey, @About,
                @LastActive::timestamp, @ActivityStreamsEmailNotifications, @Sysadmin, @State, @ImageUrl,
                @PluginExtras::jsonb)
            """,
            user,
            cancellationToken);

    public Task UpdateUserAsync(UserRow user, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE "user" SET name = @Name, password = @Password, fullname = @Fullname, email = @Email,
                apikey = @Apikey, reset_key = @ResetKey, about = @About, last_active = @LastActive::timestamp,
                activity_streams_email_notifications = @ActivityStreamsEmailNotifications,
                sysadmin = @Sysadmin, state = @State, image_url = @ImageUrl,
                plugin_extras = @PluginExtras::jsonb
            WHERE id = @Id
            """,
            user,
            cancellationToken);

    public Task<IReadOnlyList<UserRow>> ListUsersAsync(
        string? text,
        bool matchEmail,
        string orderBy,
        int? limit,
        int offset,
        CancellationToken cancellationToken = default)
    {
        var order = orderBy switch
        {
            "id" => "id",
            "name" => "name",
            "fullname" => "fullname",
            "created" => "created",
            "about" => "about",
            "sysadmin" => "sysadmin",
            "email" => "email",
            _ => "lower(coalesce(nullif(fullname, ''), name))",
        };
        return QueryAsync<UserRow>(
            $"""
            SELECT {UserColumns} FROM "user"
            WHERE state <> 'deleted'
              AND (@pattern::text IS NULL OR lower(name) LIKE @pattern ESCAPE '\'
                   OR lower(fullname) LIKE @pattern ESCAPE '\'
                   OR (@matchEmail AND lower(email) LIKE @pattern ESCAPE '\'))
            ORDER BY {order} NULLS FIRST, name
            LIMIT @limit OFFSET @offset
            """,
            new
            {
                pattern = ContainsPattern(text),
                matchEmail,
                limit,
                offset,
            },
            cancellationToken);
    }

    public Task InsertApiTokenAsync(ApiTokenRow token, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO api_token (id, name, user_id, created_at, last_access, plugin_extras)
            VALUES (@Id, @Name, @UserId, @CreatedAt::timestamp, @LastAccess::timestamp, @PluginExtras::jsonb)
            """,
            token,
            cancellationToken);

    public Task<ApiTokenRow?> GetApiTokenAsync(string id, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<ApiTokenRow>(
            $"SELECT {ApiTokenColumns} FROM api_token WHERE id = @id", new { id }, cancellationToken);

    public Task<IReadOnlyList<ApiTokenRow>> ListApiTokensAsync(
        string userId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<ApiTokenRow>(
            $"SELECT {ApiTokenColumns} FROM api_token WHERE user_id = @userId ORDER BY created_at",
            new { userId },
            cancellationToken);

    public async Task<bool> DeleteApiTokenAsync(string id, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM api_token WHERE id = @id", new { id }, cancellationToken) > 0;

    public Task TouchApiTokenAsync(string id, string accessedAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE api_token SET last_access = @accessedAt::timestamp WHERE id = @id",
            new { id, accessedAt },
            cancellationToken);

    private const string ApiTokenColumns =
        "id, name, user_id, created_at, last_access, plugin_extras::text AS plugin_extras";
}
