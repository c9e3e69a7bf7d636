using System.Net;
using System.Text.Json.Nodes;
using Ckan.Core.Security;
using Ckan.Web.Tests.Support;

namespace Ckan.Web.Tests.Api;

/// <summary>
/// Restores a CKAN 2.11 <c>pg_dump -a -O -t user</c> into the PostgreSQL catalog and uses the restored
/// users. The fixtures were dumped by pg_dump 15 from a table laid out as CKAN's migrations leave it,
/// holding passlib pbkdf2_sha512 hashes whose passwords are known.
/// </summary>
public sealed class CkanUserDumpRestoreTests
{
    // The passwords behind the fixtures' hashes, as passlib 1.7.4 made them.
    private static readonly Dictionary<string, string> Passwords = new(StringComparer.Ordinal)
    {
        ["default"] = "correct horse battery staple",
        ["marta-kowalska"] = "s3cret-Pa55",
        ["jurgen"] = "p\u00e4ssw\u00f6rd-\u65e5\u672c\u8a9e",
        ["left-the-team"] = "few rounds",
    };

    [Theory]
    [InlineData("ckan_user_table_copy.sql")]
    [InlineData("ckan_user_table_inserts.sql")]
    public async Task Restored_users_keep_their_passwords_and_fields(string fixture)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = await TestCatalog.CreatePostgresDatabaseAsync(cancellationToken);
        try
        {
            await using var portal = await TestPortal.StartAsync(
                new Dictionary<string, string> { ["sqlalchemy.url"] = url },
                cancellationToken);

            await PgDumpRestorer.RestoreAsync(url, FixturePath(fixture), cancellationToken);

            await using var session = await portal.Services.Store.OpenSessionAsync(false, cancellationToken);
            foreach (var (name, password) in Passwords)
            {
                var user = await session.GetUserAsync(name, cancellationToken);
                Assert.NotNull(user);
                Assert.True(PasswordHasher.Verify(password, user.Password), $"{name}'s password no longer verifies");
                Assert.False(PasswordHasher.Verify(password + "x", user.Password));
            }
        }
        finally
        {
            await TestCatalog.DropAsync(url);
        }
    }

    [Fact]
    public async Task Restored_sysadmin_and_user_work_through_the_api()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = await TestCatalog.CreatePostgresDatabaseAsync(cancellationToken);
        try
        {
            await using var portal = await TestPortal.StartAsync(
                new Dictionary<string, string> { ["sqlalchemy.url"] = url },
                cancellationToken);
            await PgDumpRestorer.RestoreAsync(url, FixturePath("ckan_user_table_copy.sql"), cancellationToken);
            var admin = await TokenForAsync(portal, "default", cancellationToken);
            var marta = await TokenForAsync(portal, "marta-kowalska", cancellationToken);

            var organization = await portal.PostAsync(
                "organization_create", new JsonObject { ["name"] = Names.Unique("org") }, admin, cancellationToken);
            var shown = await portal.GetAsync("/api/3/action/user_show?id=marta-kowalska", marta, cancellationToken);
            var listed = await portal.GetAsync("/api/3/action/user_list", admin, cancellationToken);

            ApiAssert.Status(organization, HttpStatusCode.OK);
            ApiAssert.Status(shown, HttpStatusCode.OK);
            Assert.Equal("Marta Kowalska", shown.Result!["fullname"]!.GetValue<string>());
            Assert.Equal("Data steward, water board.", shown.Result!["about"]!.GetValue<string>());
            Assert.Equal("2023-06-11T13:40:05.004512", shown.Result!["created"]!.GetValue<string>());
            Assert.False(shown.Result!["sysadmin"]!.GetValue<bool>());
            var names = listed.Result!.AsArray().Select(user => user!["name"]!.GetValue<string>()).ToList();
            Assert.Contains("jurgen", names);
            Assert.DoesNotContain("left-the-team", names);
        }
        finally
        {
            await TestCatalog.DropAsync(url);
        }
    }

    private static async Task<string> TokenForAsync(TestPortal portal, string user, CancellationToken cancellationToken)
    {
        var token = await portal.ArrangeAsync(
            "api_token_create", new JsonObject { ["user"] = user, ["name"] = "restored" }, cancellationToken);
        return token!["token"]!.GetValue<string>();
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Api", "Fixtures", name);
}
