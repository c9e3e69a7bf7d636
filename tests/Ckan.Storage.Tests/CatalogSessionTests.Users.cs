using Ckan.Core.Model;

namespace Ckan.Storage.Tests;

public abstract partial class CatalogSessionTests
{
    [Fact]
    public async Task User_reads_back_by_id_or_name()
    {
        var user = new UserRow
        {
            Id = NewId(),
            Name = "full-user",
            Password = "$pbkdf2-sha512$25000$salt$checksum",
            Fullname = "Full User",
            Email = "full@example.org",
            Apikey = "key",
            Created = Timestamp(1),
            ResetKey = "reset",
            About = "About me",
            LastActive = Timestamp(2),
            ActivityStreamsEmailNotifications = true,
            Sysadmin = true,
            State = "pending",
            ImageUrl = "http://example.org/me.png",
            PluginExtras = """{"saml": "x"}""",
        };

        await InsertUsersAsync(user);

        Assert.Equal(user, await ReadAsync(session => session.GetUserAsync(user.Id, Token)));
        Assert.Equal(user, await ReadAsync(session => session.GetUserAsync("full-user", Token)));
    }

    [Fact]
    public async Task Updated_user_keeps_created_time()
    {
        var user = NewUser("changing-user");
        await InsertUsersAsync(user);
        var changed = user with
        {
            Name = "changed-user",
            Fullname = "Changed",
            Email = "changed@example.org",
            Sysadmin = true,
            State = "deleted",
            Created = Timestamp(50),
        };

        await WriteAsync(session => session.UpdateUserAsync(changed, Token));

        var stored = await ReadAsync(session => session.GetUserAsync(user.Id, Token));
        Assert.Equal(changed with { Created = user.Created }, stored);
    }

    [Fact]
    public async Task Finds_active_user_by_email_ignoring_case()
    {
        var user = NewUser("mail-user", "Mail.User@Example.org");
        await InsertUsersAsync(user);

        var found = await ReadAsync(session => session.FindActiveUserByEmailAsync("mail.user@EXAMPLE.ORG", Token));

        Assert.Equal(user.Id, found?.Id);
    }

    [Fact]
    public async Task Email_lookup_skips_deleted_users()
    {
        await InsertUsersAsync(NewUser("gone-user", "gone@example.org") with { State = "deleted" });

        var found = await ReadAsync(session => session.FindActiveUserByEmailAsync("gone@example.org", Token));

        Assert.Null(found);
    }

    [Fact]
    public async Task Accepts_email_of_deleted_user_for_new_user()
    {
        await InsertUsersAsync(NewUser("old-owner", "reused@example.org") with { State = "deleted" });

        await InsertUsersAsync(NewUser("new-owner", "reused@example.org"));

        var found = await ReadAsync(session => session.FindActiveUserByEmailAsync("reused@example.org", Token));
        Assert.Equal("new-owner", found?.Name);
    }

    [Fact]
    public async Task Lists_users_leaving_out_deleted_ones()
    {
        await InsertUsersAsync(
            NewUser("active-user"),
            NewUser("pending-user") with { State = "pending" },
            NewUser("deleted-user") with { State = "deleted" });

        var users = await ReadAsync(session => session.ListUsersAsync(null, true, "name", null, 0, Token));

        Assert.Equal(["active-user", "pending-user"], users.Select(user => user.Name));
    }

    [Fact]
    public async Task Lists_users_matching_text()
    {
        await InsertUsersAsync(
            NewUser("river-fan"),
            NewUser("by-fullname", fullname: "Anna River"),
            NewUser("by-email", email: "RIVER@example.org"),
            NewUser("unrelated"),
            NewUser("deleted-river") with { State = "deleted" });

        var users = await ReadAsync(session => session.ListUsersAsync("river", true, "name", null, 0, Token));

        Assert.Equal(["by-email", "by-fullname", "river-fan"], users.Select(user => user.Name));
    }

    [Fact]
    public async Task Lists_users_matching_percent_sign_literally()
    {
        await InsertUsersAsync(NewUser("percent", fullname: "Half 50% time"), NewUser("plain", fullname: "Half 500"));

        var users = await ReadAsync(session => session.ListUsersAsync("50%", true, "name", null, 0, Token));

        Assert.Equal(["percent"], users.Select(user => user.Name));
    }

    [Fact]
    public async Task Lists_users_by_display_name_by_default()
    {
        await InsertUsersAsync(
            NewUser("zed", fullname: "aaron"),
            NewUser("bob"),
            NewUser("yan", fullname: "Carl"),
            NewUser("xavier", fullname: ""));

        var users = await ReadAsync(session => session.ListUsersAsync(null, true, "display_name", null, 0, Token));

        Assert.Equal(["zed", "bob", "yan", "xavier"], users.Select(user => user.Name));
    }

    [Fact]
    public async Task Lists_users_with_limit_and_offset()
    {
        await InsertUsersAsync(NewUser("user-a"), NewUser("user-b"), NewUser("user-c"), NewUser("user-d"));

        var users = await ReadAsync(session => session.ListUsersAsync(null, true, "name", 2, 1, Token));

        Assert.Equal(["user-b", "user-c"], users.Select(user => user.Name));
    }

    [Fact]
    public async Task Inserted_api_token_reads_back()
    {
        var user = NewUser("token-owner");
        await InsertUsersAsync(user);
        var token = NewApiToken(user.Id, Timestamp(1)) with { Name = "laptop", PluginExtras = """{"a": 1}""" };

        await WriteAsync(session => session.InsertApiTokenAsync(token, Token));

        Assert.Equal(token, await ReadAsync(session => session.GetApiTokenAsync(token.Id, Token)));
    }

    [Fact]
    public async Task Lists_api_tokens_of_one_user_oldest_first()
    {
        var owner = NewUser("listing-owner");
        var other = NewUser("other-owner");
        await InsertUsersAsync(owner, other);
        var newer = NewApiToken(owner.Id, Timestamp(5));
        var older = NewApiToken(owner.Id, Timestamp(1));
        var foreign = NewApiToken(other.Id, Timestamp(3));
        await WriteAsync(async session =>
        {
            await session.InsertApiTokenAsync(newer, Token);
            await session.InsertApiTokenAsync(foreign, Token);
            await session.InsertApiTokenAsync(older, Token);
        });

        var tokens = await ReadAsync(session => session.ListApiTokensAsync(owner.Id, Token));

        Assert.Equal([older.Id, newer.Id], tokens.Select(token => token.Id));
    }

    [Fact]
    public async Task Delete_api_token_reports_whether_it_existed()
    {
        var user = NewUser("revoking-owner");
        await InsertUsersAsync(user);
        var token = NewApiToken(user.Id, Timestamp(1));
        await WriteAsync(session => session.InsertApiTokenAsync(token, Token));

        var first = false;
        var second = true;
        await WriteAsync(async session =>
        {
            first = await session.DeleteApiTokenAsync(token.Id, Token);
            second = await session.DeleteApiTokenAsync(token.Id, Token);
        });

        Assert.True(first);
        Assert.False(second);
        Assert.Null(await ReadAsync(session => session.GetApiTokenAsync(token.Id, Token)));
    }

    [Fact]
    public async Task Touching_api_token_sets_last_access()
    {
        var user = NewUser("touching-owner");
        await InsertUsersAsync(user);
        var token = NewApiToken(user.Id, Timestamp(1));
        var untouched = NewApiToken(user.Id, Timestamp(2));
        await WriteAsync(async session =>
        {
            await session.InsertApiTokenAsync(token, Token);
            await session.InsertApiTokenAsync(untouched, Token);
        });

        await WriteAsync(session => session.TouchApiTokenAsync(token.Id, Timestamp(30), Token));

        var touchedRow = await ReadAsync(session => session.GetApiTokenAsync(token.Id, Token));
        var untouchedRow = await ReadAsync(session => session.GetApiTokenAsync(untouched.Id, Token));
        Assert.Equal(Timestamp(30), touchedRow?.LastAccess);
        Assert.Null(untouchedRow?.LastAccess);
    }

    private static ApiTokenRow NewApiToken(string userId, string createdAt) =>
        new() { Id = NewId(), UserId = userId, CreatedAt = createdAt };
}
