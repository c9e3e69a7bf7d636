using System.Text.RegularExpressions;
using Ckan.Core.Security;
using Ckan.Storage;

namespace Ckan.Cli.Tests.Commands;

public sealed class UserTokenCommandTests : IDisposable
{
    private readonly CliSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Token_add_quiet_prints_only_jwt_that_decodes()
    {
        await _site.AddUserAsync("sam");

        var run = await _site.RunAsync("user", "token", "add", "sam", "deploy", "-q");

        Assert.Equal(0, run.ExitCode);
        var jwt = Assert.Single(run.OutputLines);
        var tokenId = Codec().DecodeTokenId(jwt);
        Assert.NotNull(tokenId);
        var row = await GetTokenAsync(tokenId);
        Assert.Equal("deploy", row?.Name);
        var owner = await _site.GetUserAsync("sam", TestContext.Current.CancellationToken);
        Assert.Equal(owner?.Id, row?.UserId);
    }

    [Fact]
    public async Task Token_add_prints_heading_and_tabbed_jwt()
    {
        await _site.AddUserAsync("tara");

        var run = await _site.RunAsync("user", "token", "add", "tara", "laptop");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutputLines.Count);
        Assert.Equal("API Token created:", run.OutputLines[0]);
        Assert.StartsWith("\t", run.OutputLines[1], StringComparison.Ordinal);
        Assert.NotNull(Codec().DecodeTokenId(run.OutputLines[1][1..]));
    }

    [Fact]
    public async Task Token_add_for_unknown_user_fails()
    {
        var run = await _site.RunAsync("user", "token", "add", "nobody", "deploy");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.OutputLines);
        Assert.StartsWith("Error: User \"nobody\" not found.", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_add_rejects_non_object_json()
    {
        await _site.AddUserAsync("uma");

        var run = await _site.RunAsync("user", "token", "add", "uma", "deploy", "--json", "[1]");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: The --json value must be a JSON object", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_list_prints_ids_names_and_never_used()
    {
        await _site.AddUserAsync("vera");
        var first = await AddTokenAsync("vera", "one");
        var second = await AddTokenAsync("vera", "two");

        var run = await _site.RunAsync("user", "token", "list", "vera");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Tokens([id] name - lastAccess):", run.OutputLines[0]);
        string[] expected = [$"\t[{first}] one - Never", $"\t[{second}] two - Never"];
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            run.OutputLines.Skip(1).Order(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    [Fact]
    public async Task Token_list_prints_last_access_to_the_second()
    {
        await _site.AddUserAsync("walt");
        var tokenId = await AddTokenAsync("walt", "ci");
        await TouchTokenAsync(tokenId, "2024-03-05T06:07:08.123456");

        var run = await _site.RunAsync("user", "token", "list", "walt");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"\t[{tokenId}] ci - 2024-03-05 06:07:08", run.OutputLines[1]);
    }

    [Fact]
    public async Task Token_list_without_tokens_says_none_created()
    {
        await _site.AddUserAsync("xena");

        var run = await _site.RunAsync("user", "token", "list", "xena");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["No tokens have been created for user yet"], run.OutputLines);
    }

    [Fact]
    public async Task Token_revoke_deletes_token()
    {
        await _site.AddUserAsync("yuri");
        var tokenId = await AddTokenAsync("yuri", "old");

        var run = await _site.RunAsync("user", "token", "revoke", tokenId);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["API Token has been revoked"], run.OutputLines);
        Assert.Null(await GetTokenAsync(tokenId));
    }

    [Fact]
    public async Task Token_revoke_of_unknown_id_fails()
    {
        var run = await _site.RunAsync("user", "token", "revoke", "no-such-token");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["API Token not found"], run.ErrorLines);
    }

    [Fact]
    public async Task Token_ids_are_url_safe()
    {
        await _site.AddUserAsync("zoe");

        var run = await _site.RunAsync("user", "token", "add", "zoe", "key", "-q");

        Assert.Matches(new Regex("^[A-Za-z0-9_-]+$"), Codec().DecodeTokenId(run.Output.Trim()) ?? "");
    }

    private async Task<string> AddTokenAsync(string userName, string tokenName)
    {
        var run = await _site.RunAsync("user", "token", "add", userName, tokenName, "-q");
        var tokenId = Codec().DecodeTokenId(run.Output.Trim());
        Assert.True(tokenId is not null, $"user token add {userName} {tokenName} printed no valid token: {run.Error}");
        return tokenId;
    }

    private ApiTokenCodec Codec()
    {
        var config = _site.LoadConfig();
        return new ApiTokenCodec(config.JwtEncodeSecret, config.JwtDecodeSecret, config.JwtAlgorithm);
    }

    private async Task<Ckan.Core.Model.ApiTokenRow?> GetTokenAsync(string tokenId)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (store, _) = CatalogStoreFactory.Create(_site.LoadConfig());
        await using var session = await store.OpenSessionAsync(write: false, cancellationToken);
        return await session.GetApiTokenAsync(tokenId, cancellationToken);
    }

    private async Task TouchTokenAsync(string tokenId, string accessedAt)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (store, _) = CatalogStoreFactory.Create(_site.LoadConfig());
        await using var session = await store.OpenSessionAsync(write: true, cancellationToken);
        await session.TouchApiTokenAsync(tokenId, accessedAt, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }
}
