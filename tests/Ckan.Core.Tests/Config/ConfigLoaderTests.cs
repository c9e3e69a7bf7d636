using Ckan.Core.Config;
using Xunit;

namespace Ckan.Core.Tests.Config;

public sealed class ConfigLoaderTests
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    [Fact]
    public void Reads_options_of_app_main_section()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.site_url = http://localhost:5000
            ckan.site_id = portal

            [other]
            ckan.site_title = Not this one
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("http://localhost:5000", config.Options["ckan.site_url"]);
        Assert.Equal("portal", config.Options["ckan.site_id"]);
        Assert.False(config.Options.ContainsKey("ckan.site_title"));
    }

    [Fact]
    public void Sets_source_path_to_full_path_of_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\n");

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal(Path.GetFullPath(path), config.SourcePath);
        Assert.Null(config.DataDirectory);
    }

    [Fact]
    public void Accepts_colon_as_separator()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            sqlalchemy.url: sqlite:///ckan.db
            ckan.site_url=http://example.org
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("sqlite:///ckan.db", config.Options["sqlalchemy.url"]);
        Assert.Equal("http://example.org", config.Options["ckan.site_url"]);
    }

    [Fact]
    public void Splits_key_at_first_separator()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.site_url = http://example.org:8080/a=b
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("http://example.org:8080/a=b", config.Options["ckan.site_url"]);
    }

    [Fact]
    public void Keeps_case_of_keys()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            SECRET_KEY = abc
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("abc", config.Options["SECRET_KEY"]);
        Assert.False(config.Options.ContainsKey("secret_key"));
    }

    [Fact]
    public void Joins_indented_continuation_lines_with_line_breaks()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.plugins = activity
                datastore
              datapusher
            ckan.site_id = portal
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("activity\ndatastore\ndatapusher", config.Options["ckan.plugins"]);
        Assert.Equal("portal", config.Options["ckan.site_id"]);
    }

    [Fact]
    public void Keeps_blank_lines_between_continuation_lines()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\nckan.plugins = a\n\n    b\n\nckan.site_id = x\n");

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("a\n\nb", config.Options["ckan.plugins"]);
        Assert.Equal("x", config.Options["ckan.site_id"]);
    }

    [Fact]
    public void Reads_value_starting_on_continuation_line()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.plugins =
                activity
                datastore
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("\nactivity\ndatastore", config.Options["ckan.plugins"]);
        Assert.Equal(["activity", "datastore"], config.GetList("ckan.plugins"));
    }

    [Fact]
    public void Skips_comment_lines_also_inside_continued_values()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            # top comment
            ; another comment
            [app:main]
            # ckan.site_id = commented
            ckan.plugins = activity
                # not a plugin
                ; nor this
                datastore
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("activity\ndatastore", config.Options["ckan.plugins"]);
        Assert.False(config.Options.ContainsKey("ckan.site_id"));
        Assert.False(config.Options.ContainsKey("# ckan.site_id"));
    }

    [Fact]
    public void Keeps_hash_after_value_as_part_of_value()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.site_title = Data # portal
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("Data # portal", config.Options["ckan.site_title"]);
    }

    [Fact]
    public void Inherits_options_of_default_section()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [DEFAULT]
            debug = false
            ckan.site_id = from-default

            [app:main]
            ckan.site_id = from-app-main
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("false", config.Options["debug"]);
        Assert.Equal("from-app-main", config.Options["ckan.site_id"]);
    }

    [Fact]
    public void Expands_here_to_folder_of_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.storage_path = %(here)s/storage
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal(directory.Path + "/storage", config.Options["ckan.storage_path"]);
    }

    [Fact]
    public void Expands_file_reference_to_path_of_loaded_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.note = %(__file__)s
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal(Path.GetFullPath(path), config.Options["ckan.note"]);
    }

    [Fact]
    public void Expands_references_to_default_and_same_section_options()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [DEFAULT]
            db_host = db.internal

            [app:main]
            db_name = catalog
            sqlalchemy.url = postgresql://ckan:pw@%(db_host)s/%(db_name)s
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("postgresql://ckan:pw@db.internal/catalog", config.Options["sqlalchemy.url"]);
    }

    [Fact]
    public void Expands_nested_references()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            base = %(here)s/data
            ckan.storage_path = %(base)s/storage
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal(directory.Path + "/data/storage", config.Options["ckan.storage_path"]);
    }

    [Fact]
    public void Expands_double_percent_to_one_percent_sign()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            sqlalchemy.url = postgresql://ckan:p%%40ss@localhost/ckan
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("postgresql://ckan:p%40ss@localhost/ckan", config.Options["sqlalchemy.url"]);
    }

    [Fact]
    public void Rejects_reference_to_unknown_option_naming_both()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.storage_path = %(missing_folder)s/storage
            """);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Equal("ckan.storage_path", error.Option);
        Assert.Contains("ckan.storage_path", error.Message);
        Assert.Contains("missing_folder", error.Message);
    }

    [Fact]
    public void Rejects_lone_percent_sign_without_showing_value()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            sqlalchemy.url = postgresql://ckan:secret%40pw@localhost/ckan
            """);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Equal("sqlalchemy.url", error.Option);
        Assert.Contains("%%", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void Rejects_references_that_loop()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            first = %(second)s
            second = %(first)s
            """);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Contains("loop", error.Message);
        Assert.NotNull(error.Option);
    }

    [Fact]
    public void Rejects_repeated_option_naming_line_and_option()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.site_id = one
            ckan.site_id = two
            """);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Equal("ckan.site_id", error.Option);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Rejects_repeated_section()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            a = 1
            [app:main]
            b = 2
            """);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Contains("[app:main]", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Rejects_option_before_first_section()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            ckan.site_id = portal
            [app:main]
            """);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Rejects_line_without_separator()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            this line has no separator
            """);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Contains("line 2", error.Message);
        Assert.Contains("this line has no separator", error.Message);
    }

    [Fact]
    public void Rejects_file_without_app_main_section()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [DEFAULT]
            debug = false
            """);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Contains("[app:main]", error.Message);
    }

    [Fact]
    public void Reports_missing_file_with_its_path()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.PathOf("absent.ini");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Equal($"Config file not found: {path}", error.Message);
    }

    [Fact]
    public void Follows_use_config_relative_to_including_file()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("base/base.ini", """
            [app:main]
            use = egg:ckan
            ckan.site_id = base-site
            ckan.site_title = Base title
            """);
        var path = directory.Write("ckan.ini", """
            [app:main]
            use = config:base/base.ini
            ckan.site_id = own-site
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("own-site", config.Options["ckan.site_id"]);
        Assert.Equal("Base title", config.Options["ckan.site_title"]);
        Assert.Equal("config:base/base.ini", config.Options["use"]);
    }

    [Fact]
    public void Expands_here_to_used_file_folder()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("base/base.ini", """
            [app:main]
            ckan.storage_path = %(here)s/storage
            """);
        var path = directory.Write("ckan.ini", """
            [app:main]
            use = config:base/base.ini
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal(directory.PathOf("base") + "/storage", config.Options["ckan.storage_path"]);
    }

    [Fact]
    public void Used_file_sees_including_file_options()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("base.ini", """
            [app:main]
            sqlalchemy.url = postgresql://ckan:pw@localhost/%(db_name)s
            db_name = base_db
            """);
        var path = directory.Write("ckan.ini", """
            [app:main]
            use = config:base.ini
            db_name = own_db
            """);

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("postgresql://ckan:pw@localhost/own_db", config.Options["sqlalchemy.url"]);
    }

    [Fact]
    public void Follows_chain_of_several_used_files()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("c.ini", "[app:main]\nfrom_c = c\nshared = c\n");
        directory.Write("b.ini", "[app:main]\nuse = config:c.ini\nfrom_b = b\nshared = b\n");
        var path = directory.Write("a.ini", "[app:main]\nuse = config:b.ini\n");

        var config = ConfigLoader.Load(path, NoVariables);

        Assert.Equal("c", config.Options["from_c"]);
        Assert.Equal("b", config.Options["from_b"]);
        Assert.Equal("b", config.Options["shared"]);
    }

    [Fact]
    public void Rejects_used_files_that_loop()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("b.ini", "[app:main]\nuse = config:a.ini\n");
        var path = directory.Write("a.ini", "[app:main]\nuse = config:b.ini\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.Equal("use", error.Option);
        Assert.Contains("loop", error.Message);
    }

    [Fact]
    public void Reports_missing_used_file_with_including_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\nuse = config:absent.ini\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, NoVariables));

        Assert.StartsWith($"Config file not found: {directory.PathOf("absent.ini")}", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Applies_environment_overrides_without_interpolating_them()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.site_url = http://localhost:5000
            ckan.site_id = from-file
            """);
        var environment = new Dictionary<string, string>
        {
            ["CKAN_SITE_URL"] = "https://data.example.org",
            ["CKAN__SITE_ID"] = "%(here)s",
        };

        var config = ConfigLoader.Load(path, environment);

        Assert.Equal("https://data.example.org", config.SiteUrl);
        Assert.Equal("%(here)s", config.SiteId);
    }

    [Fact]
    public void Locate_prefers_given_path()
    {
        using var directory = new TemporaryDirectory();
        var given = directory.Write("given.ini", "[app:main]\n");
        var fromEnvironment = directory.Write("env.ini", "[app:main]\n");
        directory.Write("ckan.ini", "[app:main]\n");
        var environment = new Dictionary<string, string> { ["CKAN_INI"] = fromEnvironment };

        var located = ConfigLoader.Locate(given, environment, directory.Path);

        Assert.Equal(given, located);
    }

    [Fact]
    public void Locate_resolves_relative_path_against_working_directory()
    {
        using var directory = new TemporaryDirectory();
        var given = directory.Write("conf/site.ini", "[app:main]\n");

        var located = ConfigLoader.Locate("conf/site.ini", NoVariables, directory.Path);

        Assert.Equal(given, located);
    }

    [Fact]
    public void Locate_uses_CKAN_INI_without_given_path()
    {
        using var directory = new TemporaryDirectory();
        var fromEnvironment = directory.Write("env.ini", "[app:main]\n");
        directory.Write("ckan.ini", "[app:main]\n");
        var environment = new Dictionary<string, string> { ["CKAN_INI"] = fromEnvironment };

        var located = ConfigLoader.Locate(null, environment, directory.Path);

        Assert.Equal(fromEnvironment, located);
    }

    [Fact]
    public void Locate_finds_ckan_ini_before_development_ini()
    {
        using var directory = new TemporaryDirectory();
        var ckanIni = directory.Write("ckan.ini", "[app:main]\n");
        directory.Write("development.ini", "[app:main]\n");

        var located = ConfigLoader.Locate(null, NoVariables, directory.Path);

        Assert.Equal(ckanIni, located);
    }

    [Fact]
    public void Locate_falls_back_to_development_ini()
    {
        using var directory = new TemporaryDirectory();
        var developmentIni = directory.Write("development.ini", "[app:main]\n");

        var located = ConfigLoader.Locate(null, NoVariables, directory.Path);

        Assert.Equal(developmentIni, located);
    }

    [Fact]
    public void Locate_returns_null_when_no_file_applies()
    {
        using var directory = new TemporaryDirectory();

        var located = ConfigLoader.Locate(null, NoVariables, directory.Path);

        Assert.Null(located);
    }

    [Fact]
    public void Locate_rejects_missing_given_path()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("ckan.ini", "[app:main]\n");
        var missing = directory.PathOf("missing.ini");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Locate(missing, NoVariables, directory.Path));

        Assert.Equal($"Config file not found: {missing}", error.Message);
    }

    [Fact]
    public void Locate_rejects_missing_CKAN_INI_without_falling_back()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("ckan.ini", "[app:main]\n");
        var missing = directory.PathOf("missing.ini");
        var environment = new Dictionary<string, string> { ["CKAN_INI"] = missing };

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Locate(null, environment, directory.Path));

        Assert.Equal($"Config file not found: {missing}", error.Message);
    }

    [Fact]
    public void Embedded_default_keeps_data_in_CKAN_HOME()
    {
        using var directory = new TemporaryDirectory();
        var home = directory.PathOf("home");
        var environment = new Dictionary<string, string> { ["CKAN_HOME"] = home };

        var config = ConfigLoader.LoadEmbeddedDefault(environment);

        Assert.True(Directory.Exists(home));
        Assert.Equal(home, config.DataDirectory);
        Assert.Null(config.SourcePath);
        Assert.Equal("sqlite:///" + Path.Combine(home, "ckan.db"), config.SqlAlchemyUrl);
        Assert.Equal(Path.Combine(home, "storage"), config.StoragePath);
        Assert.Equal("http://127.0.0.1:5000", config.SiteUrl);
        Assert.Equal("default", config.SiteId);
        Assert.Equal(["datastore", "datapusher"], config.GetList("ckan.plugins"));
    }

    [Fact]
    public void Embedded_default_passes_validation()
    {
        using var directory = new TemporaryDirectory();
        var environment = new Dictionary<string, string> { ["CKAN_HOME"] = directory.Path };

        var config = ConfigLoader.LoadEmbeddedDefault(environment);

        config.Validate();
        Assert.DoesNotContain(config.Options.Keys, key => key.StartsWith("ckan.auth.", StringComparison.Ordinal));
    }

    [Fact]
    public void Embedded_default_persists_secret_key_and_reuses_it()
    {
        using var directory = new TemporaryDirectory();
        var environment = new Dictionary<string, string> { ["CKAN_HOME"] = directory.Path };

        var first = ConfigLoader.LoadEmbeddedDefault(environment);
        var second = ConfigLoader.LoadEmbeddedDefault(environment);

        var stored = File.ReadAllText(directory.PathOf("secret.key")).Trim();
        Assert.Equal(stored, first.SecretKey);
        Assert.Equal(stored, second.SecretKey);
        Assert.Equal(43, stored.Length);
        Assert.DoesNotContain('+', stored);
        Assert.DoesNotContain('/', stored);
        Assert.DoesNotContain('=', stored);
    }

    [Fact]
    public void Embedded_default_generates_different_secrets_for_different_homes()
    {
        using var directory = new TemporaryDirectory();

        var first = ConfigLoader.LoadEmbeddedDefault(
            new Dictionary<string, string> { ["CKAN_HOME"] = directory.PathOf("one") });
        var second = ConfigLoader.LoadEmbeddedDefault(
            new Dictionary<string, string> { ["CKAN_HOME"] = directory.PathOf("two") });

        Assert.NotEqual(first.SecretKey, second.SecretKey);
    }

    [Fact]
    public void Embedded_default_secret_file_has_mode_600()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not exist on Windows.");
            return;
        }

        using var directory = new TemporaryDirectory();
        var environment = new Dictionary<string, string> { ["CKAN_HOME"] = directory.Path };

        ConfigLoader.LoadEmbeddedDefault(environment);

        var mode = File.GetUnixFileMode(directory.PathOf("secret.key"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public void Embedded_default_reads_existing_secret_file()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("secret.key", "kept-secret\n");
        var environment = new Dictionary<string, string> { ["CKAN_HOME"] = directory.Path };

        var config = ConfigLoader.LoadEmbeddedDefault(environment);

        Assert.Equal("kept-secret", config.SecretKey);
    }

    [Fact]
    public void Embedded_default_rejects_empty_secret_file()
    {
        using var directory = new TemporaryDirectory();
        var secretFile = directory.Write("secret.key", "\n");
        var environment = new Dictionary<string, string> { ["CKAN_HOME"] = directory.Path };

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.LoadEmbeddedDefault(environment));

        Assert.Contains(secretFile, error.Message);
        Assert.Equal("SECRET_KEY", error.Option);
    }

    [Fact]
    public void Embedded_default_falls_back_to_XDG_DATA_HOME()
    {
        using var directory = new TemporaryDirectory();
        var environment = new Dictionary<string, string>
        {
            ["XDG_DATA_HOME"] = directory.PathOf("xdg"),
            ["HOME"] = directory.PathOf("user"),
        };

        var config = ConfigLoader.LoadEmbeddedDefault(environment);

        Assert.Equal(Path.Combine(directory.Path, "xdg", "ckan"), config.DataDirectory);
    }

    [Fact]
    public void Embedded_default_ignores_relative_XDG_DATA_HOME()
    {
        using var directory = new TemporaryDirectory();
        var environment = new Dictionary<string, string>
        {
            ["XDG_DATA_HOME"] = "relative/data",
            ["HOME"] = directory.PathOf("user"),
        };

        var config = ConfigLoader.LoadEmbeddedDefault(environment);

        Assert.Equal(Path.Combine(directory.Path, "user", ".local", "share", "ckan"), config.DataDirectory);
    }

    [Fact]
    public void Embedded_default_falls_back_to_home_folder()
    {
        using var directory = new TemporaryDirectory();
        var environment = new Dictionary<string, string> { ["HOME"] = directory.Path };

        var config = ConfigLoader.LoadEmbeddedDefault(environment);

        var expected = Path.Combine(directory.Path, ".local", "share", "ckan");
        Assert.Equal(expected, config.DataDirectory);
        Assert.True(File.Exists(Path.Combine(expected, "secret.key")));
    }

    [Fact]
    public void Embedded_default_applies_environment_overrides()
    {
        using var directory = new TemporaryDirectory();
        var environment = new Dictionary<string, string>
        {
            ["CKAN_HOME"] = directory.Path,
            ["CKAN_SQLALCHEMY_URL"] = "postgresql://ckan:pw@localhost/ckan",
            ["CKAN___SECRET_KEY"] = "from-environment",
        };

        var config = ConfigLoader.LoadEmbeddedDefault(environment);

        Assert.Equal("postgresql://ckan:pw@localhost/ckan", config.SqlAlchemyUrl);
        Assert.Equal("from-environment", config.SecretKey);
    }

    [Fact]
    public void ProcessEnvironment_contains_variables_of_this_process()
    {
        var name = "CKAN_CONFIG_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "present");
        try
        {
            var environment = ConfigLoader.ProcessEnvironment();

            Assert.Equal("present", environment[name]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
