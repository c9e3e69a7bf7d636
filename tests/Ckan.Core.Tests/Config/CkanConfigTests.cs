using Ckan.Core.Config;
using Xunit;

namespace Ckan.Core.Tests.Config;

public sealed class CkanConfigTests
{
    [Fact]
    public void FromOptions_copies_options_and_paths()
    {
        var options = new Dictionary<string, string> { ["ckan.site_id"] = "portal" };

        var config = CkanConfig.FromOptions(options, "/etc/ckan/ckan.ini", "/var/lib/ckan");
        options["ckan.site_id"] = "changed";

        Assert.Equal("portal", config.Options["ckan.site_id"]);
        Assert.Equal("/etc/ckan/ckan.ini", config.SourcePath);
        Assert.Equal("/var/lib/ckan", config.DataDirectory);
    }

    [Fact]
    public void Options_are_case_sensitive()
    {
        var config = ConfigWith(("SECRET_KEY", "abc"));

        var lowerCase = config.Get("secret_key");

        Assert.Null(lowerCase);
    }

    [Fact]
    public void With_returns_changed_copy_and_keeps_original()
    {
        var original = CkanConfig.FromOptions(
            new Dictionary<string, string> { ["ckan.site_id"] = "portal" },
            "/etc/ckan/ckan.ini");

        var changed = original.With("ckan.site_id", "other");

        Assert.Equal("other", changed.SiteId);
        Assert.Equal("portal", original.SiteId);
        Assert.Equal("/etc/ckan/ckan.ini", changed.SourcePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Get_returns_null_for_empty_value(string value)
    {
        var config = ConfigWith(("ckan.site_title", value));

        var result = config.Get("ckan.site_title");

        Assert.Null(result);
    }

    [Fact]
    public void Get_returns_null_for_absent_option()
    {
        var config = ConfigWith();

        var result = config.Get("ckan.site_title");

        Assert.Null(result);
    }

    [Fact]
    public void GetString_returns_value_or_default()
    {
        var config = ConfigWith(("present", "value"));

        Assert.Equal("fallback", config.GetString("absent", "fallback"));
        Assert.Equal("value", config.GetString("present", "fallback"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("YES", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData(" true ", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("no", false)]
    [InlineData("Off", false)]
    [InlineData("0", false)]
    public void GetBool_accepts_CKAN_boolean_words(string value, bool expected)
    {
        var config = ConfigWith(("ckan.flag", value));

        var result = config.GetBool("ckan.flag", !expected);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void GetBool_defaults_when_absent_or_empty()
    {
        var config = ConfigWith(("ckan.empty", string.Empty));

        Assert.True(config.GetBool("ckan.absent", true));
        Assert.False(config.GetBool("ckan.empty", false));
    }

    [Fact]
    public void GetBool_rejects_invalid_word_naming_option()
    {
        var config = ConfigWith(("ckan.auth.anon_create_dataset", "maybe"));

        var error = Assert.Throws<ConfigException>(() => config.GetBool("ckan.auth.anon_create_dataset", false));

        Assert.Equal("ckan.auth.anon_create_dataset", error.Option);
        Assert.Contains("ckan.auth.anon_create_dataset", error.Message);
        Assert.Contains("\"maybe\"", error.Message);
    }

    [Theory]
    [InlineData("100", 100)]
    [InlineData(" 7 ", 7)]
    [InlineData("-3", -3)]
    public void GetInt_parses_whole_numbers(string value, int expected)
    {
        var config = ConfigWith(("ckan.number", value));

        var result = config.GetInt("ckan.number", 0);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void GetInt_returns_default_for_absent_option()
    {
        var config = ConfigWith();

        var result = config.GetInt("ckan.datasets_per_page", 20);

        Assert.Equal(20, result);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void GetInt_rejects_invalid_value_naming_option_and_value(string value)
    {
        var config = ConfigWith(("ckan.datasets_per_page", value));

        var error = Assert.Throws<ConfigException>(() => config.GetInt("ckan.datasets_per_page", 20));

        Assert.Equal("ckan.datasets_per_page", error.Option);
        Assert.Contains("ckan.datasets_per_page", error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void GetList_splits_on_any_whitespace()
    {
        var config = ConfigWith(("ckan.plugins", " activity\tdatastore\n  datapusher  envvars "));

        var plugins = config.GetList("ckan.plugins");

        Assert.Equal(["activity", "datastore", "datapusher", "envvars"], plugins);
    }

    [Fact]
    public void GetList_returns_empty_list_for_absent_option()
    {
        var config = ConfigWith();

        var plugins = config.GetList("ckan.plugins");

        Assert.Empty(plugins);
    }

    [Fact]
    public void SiteUrl_drops_trailing_slashes()
    {
        var config = ConfigWith(("ckan.site_url", "https://data.example.org//"));

        var siteUrl = config.SiteUrl;

        Assert.Equal("https://data.example.org", siteUrl);
    }

    [Fact]
    public void SiteUrl_rejects_missing_option()
    {
        var config = ConfigWith();

        var error = Assert.Throws<ConfigException>(() => config.SiteUrl);

        Assert.Equal("ckan.site_url", error.Option);
    }

    [Fact]
    public void Typed_properties_use_CKAN_defaults()
    {
        var config = ConfigWith();

        Assert.Equal("default", config.SiteId);
        Assert.Equal("CKAN", config.SiteTitle);
        Assert.Equal(string.Empty, config.SiteDescription);
        Assert.Equal("en", config.LocaleDefault);
        Assert.Null(config.SqlAlchemyUrl);
        Assert.Null(config.StoragePath);
        Assert.Equal("HS256", config.JwtAlgorithm);
        Assert.Equal("Authorization", config.ApiTokenHeaderName);
    }

    [Fact]
    public void Typed_properties_read_their_options()
    {
        var config = ConfigWith(
            ("ckan.site_id", "portal"),
            ("ckan.site_title", "Open Data"),
            ("ckan.site_description", "Public datasets"),
            ("ckan.locale_default", "fr"),
            ("sqlalchemy.url", "sqlite:///ckan.db"),
            ("ckan.storage_path", "/var/lib/ckan"),
            ("api_token.jwt.algorithm", "HS512"),
            ("apitoken_header_name", "X-CKAN-API-Key"));

        Assert.Equal("portal", config.SiteId);
        Assert.Equal("Open Data", config.SiteTitle);
        Assert.Equal("Public datasets", config.SiteDescription);
        Assert.Equal("fr", config.LocaleDefault);
        Assert.Equal("sqlite:///ckan.db", config.SqlAlchemyUrl);
        Assert.Equal("/var/lib/ckan", config.StoragePath);
        Assert.Equal("HS512", config.JwtAlgorithm);
        Assert.Equal("X-CKAN-API-Key", config.ApiTokenHeaderName);
    }

    [Fact]
    public void SecretKey_prefers_SECRET_KEY_over_beaker_secret()
    {
        var config = ConfigWith(("SECRET_KEY", "new"), ("beaker.session.secret", "legacy"));

        var secretKey = config.SecretKey;

        Assert.Equal("new", secretKey);
    }

    [Fact]
    public void SecretKey_falls_back_to_beaker_secret()
    {
        var config = ConfigWith(("beaker.session.secret", "legacy"));

        var secretKey = config.SecretKey;

        Assert.Equal("legacy", secretKey);
    }

    [Fact]
    public void SecretKey_rejects_configuration_without_secret()
    {
        var config = ConfigWith();

        var error = Assert.Throws<ConfigException>(() => config.SecretKey);

        Assert.Equal("SECRET_KEY", error.Option);
        Assert.Contains("SECRET_KEY", error.Message);
    }

    [Fact]
    public void Jwt_secrets_fall_back_to_secret_key()
    {
        var config = ConfigWith(("SECRET_KEY", "abc"));

        Assert.Equal("string:abc", config.JwtEncodeSecret);
        Assert.Equal("string:abc", config.JwtDecodeSecret);
    }

    [Fact]
    public void Jwt_secrets_read_their_options()
    {
        var config = ConfigWith(
            ("api_token.jwt.encode.secret", "file:/etc/ckan/private.pem"),
            ("api_token.jwt.decode.secret", "file:/etc/ckan/public.pem"));

        Assert.Equal("file:/etc/ckan/private.pem", config.JwtEncodeSecret);
        Assert.Equal("file:/etc/ckan/public.pem", config.JwtDecodeSecret);
    }

    [Theory]
    [InlineData("anon_create_dataset", false)]
    [InlineData("create_unowned_dataset", false)]
    [InlineData("create_dataset_if_not_in_organization", true)]
    [InlineData("user_create_groups", true)]
    [InlineData("user_create_organizations", true)]
    [InlineData("user_delete_groups", true)]
    [InlineData("user_delete_organizations", true)]
    [InlineData("create_user_via_api", false)]
    [InlineData("create_user_via_web", false)]
    [InlineData("public_user_details", true)]
    [InlineData("allow_dataset_collaborators", false)]
    [InlineData("reveal_private_datasets", false)]
    [InlineData("enable_cookie_auth_in_api", true)]
    [InlineData("unknown_option", false)]
    public void AuthOption_uses_CKAN_default_when_unset(string name, bool expected)
    {
        var config = ConfigWith();

        var value = config.AuthOption(name);

        Assert.Equal(expected, value);
    }

    [Fact]
    public void AuthOption_reads_configured_value()
    {
        var config = ConfigWith(
            ("ckan.auth.anon_create_dataset", "true"),
            ("ckan.auth.user_create_groups", "false"));

        Assert.True(config.AuthOption("anon_create_dataset"));
        Assert.False(config.AuthOption("user_create_groups"));
    }

    [Fact]
    public void AuthOption_rejects_invalid_value_naming_full_option()
    {
        var config = ConfigWith(("ckan.auth.public_user_details", "sometimes"));

        var error = Assert.Throws<ConfigException>(() => config.AuthOption("public_user_details"));

        Assert.Equal("ckan.auth.public_user_details", error.Option);
    }

    [Theory]
    [InlineData("sqlite:////var/lib/ckan/ckan.db")]
    [InlineData("sqlite:///ckan.db")]
    [InlineData("postgresql://ckan:pw@localhost/ckan")]
    public void Validate_accepts_supported_database_urls(string url)
    {
        var config = ValidConfig().With("sqlalchemy.url", url);

        var error = Record.Exception(config.Validate);

        Assert.Null(error);
    }

    [Fact]
    public void Validate_accepts_http_site_url()
    {
        var config = ValidConfig().With("ckan.site_url", "http://localhost:5000");

        var error = Record.Exception(config.Validate);

        Assert.Null(error);
    }

    [Theory]
    [InlineData("data.example.org")]
    [InlineData("ftp://data.example.org")]
    public void Validate_rejects_site_url_without_http_scheme(string url)
    {
        var config = ValidConfig().With("ckan.site_url", url);

        var error = Assert.Throws<ConfigException>(config.Validate);

        Assert.Equal("ckan.site_url", error.Option);
        Assert.Contains(url, error.Message);
    }

    [Fact]
    public void Validate_rejects_missing_site_url()
    {
        var config = ConfigWith(("sqlalchemy.url", "sqlite:///ckan.db"));

        var error = Assert.Throws<ConfigException>(config.Validate);

        Assert.Equal("ckan.site_url", error.Option);
    }

    [Fact]
    public void Validate_rejects_missing_database_url()
    {
        var config = ConfigWith(("ckan.site_url", "http://localhost:5000"));

        var error = Assert.Throws<ConfigException>(config.Validate);

        Assert.Equal("sqlalchemy.url", error.Option);
    }

    [Theory]
    [InlineData("mysql://ckan:hunter2@localhost/ckan", "mysql")]
    [InlineData("sqlite://memory", "sqlite")]
    [InlineData("hunter2", "(none)")]
    public void Validate_rejects_other_database_url_without_showing_password(string url, string scheme)
    {
        var config = ValidConfig().With("sqlalchemy.url", url);

        var error = Assert.Throws<ConfigException>(config.Validate);

        Assert.Equal("sqlalchemy.url", error.Option);
        Assert.Contains($"\"{scheme}\"", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    private static CkanConfig ConfigWith(params (string Key, string Value)[] options) =>
        CkanConfig.FromOptions(options.ToDictionary(option => option.Key, option => option.Value));

    private static CkanConfig ValidConfig() => ConfigWith(
        ("ckan.site_url", "https://data.example.org"),
        ("sqlalchemy.url", "postgresql://ckan:pw@localhost/ckan"));
}
