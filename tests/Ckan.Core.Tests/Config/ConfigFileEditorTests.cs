using Ckan.Core.Config;
using Xunit;

namespace Ckan.Core.Tests.Config;

public sealed class ConfigFileEditorTests
{
    private const string AppMain = "app:main";

    [Fact]
    public void Replaces_existing_option_in_place_keeping_other_lines()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            # Site settings
            [app:main]
            # The site URL.
            ckan.site_url = http://localhost:5000
            ckan.site_id = default

            [loggers]
            keys = root
            """ + "\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.site_url", "https://data.example.org")), false);

        Assert.Equal("""
            # Site settings
            [app:main]
            # The site URL.
            ckan.site_url = https://data.example.org
            ckan.site_id = default

            [loggers]
            keys = root
            """ + "\n", File.ReadAllText(path));
    }

    [Fact]
    public void Replaces_continuation_lines_of_existing_option()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.plugins = activity
                datastore
                # a comment inside the value
                datapusher
            ckan.site_id = default
            """ + "\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.plugins", "envvars")), false);

        Assert.Equal("""
            [app:main]
            ckan.plugins = envvars
            ckan.site_id = default
            """ + "\n", File.ReadAllText(path));
    }

    [Fact]
    public void Appends_new_option_after_last_option_of_section()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", """
            [app:main]
            ckan.site_id = default

            ## Logging configuration
            [loggers]
            keys = root
            """ + "\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.site_title", "Open Data")), false);

        Assert.Equal("""
            [app:main]
            ckan.site_id = default
            ckan.site_title = Open Data

            ## Logging configuration
            [loggers]
            keys = root
            """ + "\n", File.ReadAllText(path));
    }

    [Fact]
    public void Appends_option_below_header_of_empty_section()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\n\n[loggers]\nkeys = root\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.site_id", "portal")), false);

        Assert.Equal("[app:main]\nckan.site_id = portal\n\n[loggers]\nkeys = root\n", File.ReadAllText(path));
    }

    [Fact]
    public void Creates_missing_section_at_end_of_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[DEFAULT]\ndebug = false");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.site_id", "portal"), ("a", "b")), false);

        Assert.Equal("[DEFAULT]\ndebug = false\n\n[app:main]\nckan.site_id = portal\na = b\n", File.ReadAllText(path));
    }

    [Fact]
    public void Edits_only_the_named_section()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[DEFAULT]\ndebug = false\n\n[app:main]\ndebug = false\n");

        ConfigFileEditor.SetOptions(path, "DEFAULT", Options(("debug", "true")), false);

        Assert.Equal("[DEFAULT]\ndebug = true\n\n[app:main]\ndebug = false\n", File.ReadAllText(path));
    }

    [Fact]
    public void Rejects_missing_option_in_edit_mode()
    {
        using var directory = new TemporaryDirectory();
        const string original = "[app:main]\nckan.site_id = default\n";
        var path = directory.Write("ckan.ini", original);

        var error = Assert.Throws<ConfigException>(() => ConfigFileEditor.SetOptions(
            path,
            AppMain,
            Options(("ckan.site_id", "portal"), ("ckan.site_titel", "Typo")),
            requireExisting: true));

        Assert.Equal("ckan.site_titel", error.Option);
        Assert.Contains("[app:main]", error.Message);
        Assert.Equal(original, File.ReadAllText(path));
    }

    [Fact]
    public void Edits_existing_option_in_edit_mode()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\nckan.site_id = default\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.site_id", "portal")), requireExisting: true);

        Assert.Equal("[app:main]\nckan.site_id = portal\n", File.ReadAllText(path));
    }

    [Fact]
    public void Writes_values_verbatim()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.storage_path", "%(here)s/files # kept")), false);

        Assert.Equal("[app:main]\nckan.storage_path = %(here)s/files # kept\n", File.ReadAllText(path));
    }

    [Fact]
    public void Writes_empty_value_without_trailing_space()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\nckan.plugins = activity\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.plugins", string.Empty)), false);

        Assert.Equal("[app:main]\nckan.plugins =\n", File.ReadAllText(path));
    }

    [Fact]
    public void Writes_multi_line_value_as_continuation_lines()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\nckan.site_url = http://localhost:5000\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.plugins", "activity\ndatastore")), false);

        var config = ConfigLoader.Load(path, new Dictionary<string, string>());
        Assert.Equal("activity\ndatastore", config.Options["ckan.plugins"]);
        Assert.Equal("http://localhost:5000", config.Options["ckan.site_url"]);
    }

    [Fact]
    public void Keeps_indent_of_indented_options()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\n  a = 1\n  b = 2\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("a", "10"), ("c", "3")), false);

        Assert.Equal("[app:main]\n  a = 10\n  b = 2\n  c = 3\n", File.ReadAllText(path));
        var config = ConfigLoader.Load(path, new Dictionary<string, string>());
        Assert.Equal("2", config.Options["b"]);
        Assert.Equal("3", config.Options["c"]);
    }

    [Fact]
    public void Keeps_windows_line_endings()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\r\nckan.site_id = default\r\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("ckan.site_id", "portal"), ("a", "b")), false);

        Assert.Equal("[app:main]\r\nckan.site_id = portal\r\na = b\r\n", File.ReadAllText(path));
    }

    [Fact]
    public void Last_value_wins_for_repeated_key()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\n");

        ConfigFileEditor.SetOptions(path, AppMain, Options(("a", "1"), ("a", "2")), false);

        Assert.Equal("[app:main]\na = 2\n", File.ReadAllText(path));
    }

    [Fact]
    public void Rejects_missing_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.PathOf("absent.ini");

        var error = Assert.Throws<ConfigException>(
            () => ConfigFileEditor.SetOptions(path, AppMain, Options(("a", "b")), false));

        Assert.Equal($"Config file not found: {path}", error.Message);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("a:b")]
    [InlineData("#a")]
    [InlineData("[a]")]
    [InlineData(" a")]
    [InlineData("a\nb")]
    public void Rejects_option_name_that_ini_cannot_hold(string key)
    {
        using var directory = new TemporaryDirectory();
        const string original = "[app:main]\n";
        var path = directory.Write("ckan.ini", original);

        var error = Assert.Throws<ConfigException>(
            () => ConfigFileEditor.SetOptions(path, AppMain, Options((key, "value")), false));

        Assert.Equal(key, error.Option);
        Assert.Equal(original, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("app]main")]
    public void Rejects_invalid_section_name(string section)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("ckan.ini", "[app:main]\n");

        var error = Assert.Throws<ConfigException>(
            () => ConfigFileEditor.SetOptions(path, section, Options(("a", "b")), false));

        Assert.Contains("section", error.Message);
    }

    [Fact]
    public void Edited_template_loads_with_new_values()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.PathOf("ckan.ini");
        ConfigTemplate.Write(path);

        ConfigFileEditor.SetOptions(
            path,
            AppMain,
            Options(("ckan.site_url", "https://data.example.org"), ("ckan.plugins", "activity datastore")),
            requireExisting: true);

        var config = ConfigLoader.Load(path, new Dictionary<string, string>());
        config.Validate();
        Assert.Equal("https://data.example.org", config.SiteUrl);
        Assert.Equal(["activity", "datastore"], config.GetList("ckan.plugins"));
    }

    private static List<KeyValuePair<string, string>> Options(params (string Key, string Value)[] options) =>
        options.Select(option => KeyValuePair.Create(option.Key, option.Value)).ToList();
}
