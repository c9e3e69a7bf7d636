using Ckan.Core.Config;
using Xunit;

namespace Ckan.Core.Tests.Config;

public sealed class ConfigTemplateTests
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    [Fact]
    public void Rendered_file_loads_as_valid_configuration()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", ConfigTemplate.Render());

        var config = ConfigLoader.Load(path, NoVariables);

        config.Validate();
        Assert.Equal("sqlite:///" + directory.Path + "/ckan.db", config.SqlAlchemyUrl);
        Assert.Equal(directory.Path + "/storage", config.StoragePath);
        Assert.Equal("http://localhost:5000", config.SiteUrl);
        Assert.Equal("default", config.SiteId);
        Assert.Equal("false", config.Options["debug"]);
        Assert.Empty(config.GetList("ckan.plugins"));
    }

    [Fact]
    public void Rendered_jwt_secrets_refer_to_secret_key()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", ConfigTemplate.Render());

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal(43, config.SecretKey.Length);
        Assert.Equal("string:" + config.SecretKey, config.JwtEncodeSecret);
        Assert.Equal("string:" + config.SecretKey, config.JwtDecodeSecret);
        Assert.Equal("string:" + config.SecretKey, config.Options["api_token.jwt.encode.secret"]);
        Assert.Equal("string:" + config.SecretKey, config.Options["api_token.jwt.decode.secret"]);
    }

    [Fact]
    public void Render_generates_new_secret_key_each_time()
    {
        using var directory = new TemporaryDirectory();
        var first = directory.Write("first.ini", ConfigTemplate.Render());
        var second = directory.Write("second.ini", ConfigTemplate.Render());

        var firstKey = ConfigLoader.Load(first, NoVariables).SecretKey;
        var secondKey = ConfigLoader.Load(second, NoVariables).SecretKey;

        Assert.NotEqual(firstKey, secondKey);
    }

    [Fact]
    public void Rendered_file_keeps_alternatives_commented()
    {
        var text = ConfigTemplate.Render();

        var lines = text.Split('\n');

        Assert.Contains("# sqlalchemy.url = postgresql://ckan_default:pass@localhost/ckan_default", lines);
        Assert.Contains("# solr_url = http://127.0.0.1:8983/solr/ckan", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("solr_url", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("use", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("[loggers]", StringComparison.Ordinal));
    }

    [Fact]
    public void Rendered_file_comments_every_option()
    {
        var text = ConfigTemplate.Render();

        var lines = text.Split('\n');

        var uncommentedOptions = lines
            .Select((line, index) => (Line: line, Previous: index > 0 ? lines[index - 1] : string.Empty))
            .Where(pair => pair.Line.Length > 0 && pair.Line[0] is not ('#' or '['))
            .Where(pair => !pair.Previous.StartsWith("# ", StringComparison.Ordinal))
            .Select(pair => pair.Line)
            .ToList();
        Assert.Empty(uncommentedOptions);
        Assert.Contains(lines, line => line.StartsWith("SECRET_KEY = ", StringComparison.Ordinal));
    }

    [Fact]
    public void Rendered_file_sets_auth_options_to_their_defaults()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", ConfigTemplate.Render());
        var defaults = CkanConfig.FromOptions(new Dictionary<string, string>());

        var config = ConfigLoader.Load(path, NoVariables);

        var authKeys = config.Options.Keys
            .Where(key => key.StartsWith("ckan.auth.", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("ckan.auth.anon_create_dataset", authKeys);
        Assert.Contains("ckan.auth.enable_cookie_auth_in_api", authKeys);
        foreach (var key in authKeys)
        {
            var name = key["ckan.auth.".Length..];
            Assert.Equal(defaults.AuthOption(name), config.AuthOption(name));
        }
    }

    [Fact]
    public void Write_creates_file_with_rendered_content()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.PathOf("new/ckan.ini");

        ConfigTemplate.Write(path);

        var config = ConfigLoader.Load(path, NoVariables);
        config.Validate();
        Assert.Equal(directory.PathOf("new") + "/storage", config.StoragePath);
    }

    [Fact]
    public void Write_rejects_existing_file_and_leaves_it_unchanged()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\nckan.site_id = keep\n");

        var error = Assert.Throws<ConfigException>(() => ConfigTemplate.Write(path));

        Assert.Contains(path, error.Message);
        Assert.Equal("[app:main]\nckan.site_id = keep\n", File.ReadAllText(path));
    }
}
