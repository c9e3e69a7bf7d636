using Ckan.Core.Config;
using Xunit;

namespace Ckan.Core.Tests.Config;

public sealed class EnvironmentOverridesTests
{
    [Theory]
    [InlineData("CKAN_SQLALCHEMY_URL", "sqlalchemy.url")]
    [InlineData("CKAN_DATASTORE_WRITE_URL", "ckan.datastore.write_url")]
    [InlineData("CKAN_DATASTORE_READ_URL", "ckan.datastore.read_url")]
    [InlineData("CKAN_REDIS_URL", "ckan.redis.url")]
    [InlineData("CKAN_SOLR_URL", "solr_url")]
    [InlineData("CKAN_SOLR_USER", "solr_user")]
    [InlineData("CKAN_SOLR_PASSWORD", "solr_password")]
    [InlineData("CKAN_SITE_ID", "ckan.site_id")]
    [InlineData("CKAN_SITE_URL", "ckan.site_url")]
    [InlineData("CKAN_STORAGE_PATH", "ckan.storage_path")]
    [InlineData("CKAN_DATAPUSHER_URL", "ckan.datapusher.url")]
    [InlineData("CKAN_SMTP_SERVER", "smtp.server")]
    [InlineData("CKAN_SMTP_STARTTLS", "smtp.starttls")]
    [InlineData("CKAN_SMTP_USER", "smtp.user")]
    [InlineData("CKAN_SMTP_PASSWORD", "smtp.password")]
    [InlineData("CKAN_SMTP_MAIL_FROM", "smtp.mail_from")]
    [InlineData("CKAN_MAX_UPLOAD_SIZE_MB", "ckan.max_resource_size")]
    public void Maps_core_variable_to_its_option(string variable, string option)
    {
        var options = new Dictionary<string, string> { [option] = "from-file" };
        var environment = new Dictionary<string, string> { [variable] = "from-environment" };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal("from-environment", options[option]);
        Assert.Single(options);
    }

    [Fact]
    public void Ignores_empty_core_variable()
    {
        var options = new Dictionary<string, string> { ["sqlalchemy.url"] = "sqlite:///ckan.db" };
        var environment = new Dictionary<string, string> { ["CKAN_SQLALCHEMY_URL"] = string.Empty };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal("sqlite:///ckan.db", options["sqlalchemy.url"]);
    }

    [Fact]
    public void Maps_double_underscore_form_to_dotted_key()
    {
        var options = new Dictionary<string, string>();
        var environment = new Dictionary<string, string>
        {
            ["CKAN__SITE_ID"] = "portal",
            ["CKAN__DATASTORE__WRITE_URL"] = "postgresql://writer@localhost/datastore",
        };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal("portal", options["ckan.site_id"]);
        Assert.Equal("postgresql://writer@localhost/datastore", options["ckan.datastore.write_url"]);
    }

    [Fact]
    public void Applies_triple_underscore_form_verbatim_for_declared_keys()
    {
        var options = new Dictionary<string, string>();
        var environment = new Dictionary<string, string>
        {
            ["CKAN___SECRET_KEY"] = "secret",
            ["CKAN___WTF_CSRF_ENABLED"] = "false",
        };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal("secret", options["SECRET_KEY"]);
        Assert.Equal("false", options["WTF_CSRF_ENABLED"]);
        Assert.Equal(2, options.Count);
    }

    [Fact]
    public void Lower_cases_triple_underscore_form_for_other_keys()
    {
        var options = new Dictionary<string, string>();
        var environment = new Dictionary<string, string>
        {
            ["CKAN___SQLALCHEMY__URL"] = "postgresql://ckan@localhost/ckan",
            ["CKAN___BEAKER__SESSION__SECRET"] = "beaker",
            ["CKAN___API_TOKEN__JWT__ENCODE__SECRET"] = "string:jwt",
            ["CKAN___CKAN__SITE_ID"] = "portal",
        };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal("postgresql://ckan@localhost/ckan", options["sqlalchemy.url"]);
        Assert.Equal("beaker", options["beaker.session.secret"]);
        Assert.Equal("string:jwt", options["api_token.jwt.encode.secret"]);
        Assert.Equal("portal", options["ckan.site_id"]);
    }

    [Fact]
    public void Maps_ckanext_form_to_extension_option()
    {
        var options = new Dictionary<string, string>();
        var environment = new Dictionary<string, string> { ["CKANEXT__S3__BUCKET"] = "bucket" };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal("bucket", options["ckanext.s3.bucket"]);
        Assert.Single(options);
    }

    [Fact]
    public void Keeps_name_verbatim_for_existing_option()
    {
        var options = new Dictionary<string, string> { ["CUSTOM_FLAG"] = "off" };
        var environment = new Dictionary<string, string> { ["CKAN___CUSTOM_FLAG"] = "on" };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal("on", options["CUSTOM_FLAG"]);
        Assert.Single(options);
    }

    [Fact]
    public void Envvars_form_wins_over_core_variable()
    {
        var options = new Dictionary<string, string>();
        var environment = new Dictionary<string, string>
        {
            ["CKAN_SITE_ID"] = "core",
            ["CKAN__SITE_ID"] = "envvars",
        };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal("envvars", options["ckan.site_id"]);
    }

    [Fact]
    public void Applies_empty_value_in_envvars_form()
    {
        var options = new Dictionary<string, string> { ["ckan.plugins"] = "activity" };
        var environment = new Dictionary<string, string> { ["CKAN__PLUGINS"] = string.Empty };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Equal(string.Empty, options["ckan.plugins"]);
    }

    [Fact]
    public void Skips_single_underscore_variables_outside_core_list()
    {
        var options = new Dictionary<string, string>();
        var environment = new Dictionary<string, string>
        {
            ["CKAN_INI"] = "/etc/ckan/ckan.ini",
            ["CKAN_HOME"] = "/var/lib/ckan",
            ["CKAN_SYSADMIN_NAME"] = "admin",
            ["CKANSOMETHING"] = "x",
            ["PATH"] = "/usr/bin",
        };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Empty(options);
    }

    [Fact]
    public void Skips_triple_underscore_variable_without_name()
    {
        var options = new Dictionary<string, string>();
        var environment = new Dictionary<string, string> { ["CKAN___"] = "x" };

        EnvironmentOverrides.Apply(options, environment);

        Assert.Empty(options);
    }

    [Fact]
    public void Leaves_options_without_variables_unchanged()
    {
        var options = new Dictionary<string, string> { ["ckan.site_id"] = "portal" };

        EnvironmentOverrides.Apply(options, new Dictionary<string, string>());

        Assert.Equal("portal", options["ckan.site_id"]);
        Assert.Single(options);
    }
}
