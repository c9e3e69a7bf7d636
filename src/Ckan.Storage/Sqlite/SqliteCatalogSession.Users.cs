using Ckan.Core.Model;

namespace Ckan.Storage.Sqlite;

internal sealed partial class SqliteCatalogSession
{
    public Task<UserRow?> GetUserAsync(string idOrName, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<UserRow>(
            """
            SELECT * FROM "user" WHERE id = @idOrName
            UNION ALL
            SELECT * FROM "user" WHERE name = @idOrName AND id <> @idOrName
            LIMIT 1
            """,
            new { idOrName },
            cancellationToken);

    public Task<UserRow?> FindActiveUserByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<UserRow>(
            "SELECT * FROM \"user\" WHERE lower(email) = lower(@email) AND state = 'active' LIMIT 1",
            new { email },
            cancellationToken);

    public Task InsertUserAsync(UserRow user, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO "user" (id, name, password, fullname, email, apikey, created, reset_key, about,
                last_active, activity_streams_email_notifications, sysadmin, state, image_url, plugin_extras)
            VALUES (@Id, @Name, @Password, @Fullname, @Email, @Apikey, @Created, @ResetKey, @About,
                @LastActive, @ActivityStreamsEmailNotifications, @Sysadmin, @State, @ImageUrl, @PluginExtras)
            """,
            user,
            cancellationToken);

    public Task UpdateUserAsync(UserRow user, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE "user" SET name = @Name, password = @Password, fullname = @Fullname, email = @Email,
                apikey = @Apikey, reset_key = @ResetKey, about = @About, last_active = @LastActive,
                activity_streams_email_notifications = @ActivityStreamsEmailNotifications,
                sysadmin = @Sysadmin, state = @State, image_url = @ImageUrl, plugin_extras = @PluginExtras
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
            _ => "lower(ifnull(nullif(fullname, ''), name))",
        };
        return QueryAsync<UserRow>(
            $"""
            SELECT * FROM "user"
            WHERE state <> 'deleted'
              AND (@pattern IS NULL OR casefold(name) LIKE @pattern ESCAPE '\' OR casefold(fullname) LIKE @pattern ESCAPE '\'
                   OR (@matchEmail AND casefold(email) LIKE @pattern ESCAPE '\'))
            ORDER BY {order}, name
            LIMIT @limit OFFSET @offset
            """,
            new
            {
                pattern = ContainsPattern(text),
                matchEmail,
                limit = limit ?? -1,
                offset,
            },
            cancellationToken);
    }

    public Task InsertApiTokenAsync(ApiTokenRow token, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO api_token (id, name, user_id, created_at, last_access, plugin_extras)
            VALUES (@Id, @Name, @UserId, @CreatedAt, @LastAccess, @PluginExtras)
            """,
            token,
            cancellationToken);

    public Task<ApiTokenRow?> GetApiTokenAsync(string id, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<ApiTokenRow>("SELECT * FROM api_token WHERE id = @id", new { id }, cancellationToken);

    public Task<IReadOnlyList<ApiTokenRow>> ListApiTokensAsync(
        string userId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<ApiTokenRow>(
            "SELECT * FROM api_token WHERE user_id = @userId ORDER BY created_at",
            new { userId },
            cancellationToken);

    public async Task<bool> DeleteApiTokenAsync(string id, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM api_token WHERE id = @id", new { id }, cancellationToken) > 0;

    public Task TouchApiTokenAsync(string id, string accessedAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE api_token SET last_access = @accessedAt WHERE id = @id",
            new { id, accessedAt },
            cancellationToken);
}
