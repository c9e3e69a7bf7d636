using System.Collections;

namespace Ckan.Core.Config;

/// <summary>
/// Finds and loads CKAN configuration: ini files in CKAN's format, or the embedded default used when there
/// is no file.
/// </summary>
public static class ConfigLoader
{
    private const string ConfigPathVariable = "CKAN_INI";
    private const string HomeVariable = "CKAN_HOME";
    private const string XdgDataHomeVariable = "XDG_DATA_HOME";
    private const string SecretKeyFileName = "secret.key";

    private static readonly string[] WorkingDirectoryFileNames = ["ckan.ini", "development.ini"];

    /// <summary>
    /// Loads the <c>[app:main]</c> options of an ini file and applies <see cref="EnvironmentOverrides"/>.
    /// </summary>
    /// <remarks>
    /// The file is read as Python's <c>configparser</c> reads it for CKAN 2.11. Keys keep their case, and both
    /// <c>key = value</c> and <c>key: value</c> work. Lines indented deeper than their option continue its value,
    /// and whole lines starting with <c>#</c> or <c>;</c> are comments. Options in <c>[DEFAULT]</c> are inherited
    /// and appear in <see cref="CkanConfig.Options"/>. Values may contain <c>%(name)s</c> references to other
    /// options, <c>%(here)s</c> for the folder of the file and <c>%%</c> for a literal percent sign.
    /// <c>use = config:OTHER.ini</c> loads OTHER.ini, relative to the including file, beneath this file's values.
    /// Values from the environment are not interpolated.
    /// </remarks>
    /// <param name="path">The ini file, relative to the current directory or absolute.</param>
    /// <param name="environment">The environment variables, for example from <see cref="ProcessEnvironment"/>.</param>
    /// <returns>The configuration, with <see cref="CkanConfig.SourcePath"/> set to the full path of the file.</returns>
    /// <exception cref="ConfigException">A file is missing or malformed, or a reference cannot be expanded.</exception>
    public static CkanConfig Load(string path, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(environment);

        var fullPath = Path.GetFullPath(path);
        var rawOptions = IniChainReader.Read(fullPath);
        var options = IniInterpolator.ExpandAll(rawOptions, fullPath);
        EnvironmentOverrides.Apply(options, environment);

        return CkanConfig.FromOptions(options, fullPath);
    }

    /// <summary>
    /// Builds the embedded default configuration, used when no config file is found, and creates its data folder.
    /// </summary>
    /// <remarks>
    /// The data folder is <c>CKAN_HOME</c> when set, else <c>$XDG_DATA_HOME/ckan</c> when that is an absolute path,
    /// else <c>~/.local/share/ckan</c>. The options keep the catalog in <c>ckan.db</c> and uploads in
    /// <c>storage</c> inside that folder, serve at <c>http://127.0.0.1:5000</c>, and take <c>SECRET_KEY</c> from
    /// <c>secret.key</c> there, which is generated on first use. <see cref="EnvironmentOverrides"/> apply last.
    /// </remarks>
    /// <exception cref="ConfigException">No home folder can be found, or the secret key file is empty.</exception>
    public static CkanConfig LoadEmbeddedDefault(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var dataDirectory = ResolveDataDirectory(environment);
        Directory.CreateDirectory(dataDirectory);
        var secretKey = SecretKeyStore.ReadOrCreate(Path.Combine(dataDirectory, SecretKeyFileName));

        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sqlalchemy.url"] = "sqlite:///" + Path.Combine(dataDirectory, "ckan.db"),
            ["ckan.storage_path"] = Path.Combine(dataDirectory, "storage"),
            ["ckan.site_url"] = "http://127.0.0.1:5000",
            ["ckan.site_id"] = "default",
            ["SECRET_KEY"] = secretKey,

            // Uploaded and linked tables land in the DataStore with no set-up, as in CKAN's Docker Compose setup.
            ["ckan.plugins"] = "datastore datapusher",
        };
        EnvironmentOverrides.Apply(options, environment);

        return CkanConfig.FromOptions(options, sourcePath: null, dataDirectory);
    }

    /// <summary>
    /// Finds the config file the way the <c>ckan</c> command does: <paramref name="configPath"/> (from
    /// <c>-c</c>) when given, else <c>CKAN_INI</c>, else <c>ckan.ini</c> and then <c>development.ini</c> in
    /// <paramref name="workingDirectory"/>.
    /// </summary>
    /// <returns>The full path of the file, or null when no path is given and neither default file exists.</returns>
    /// <exception cref="ConfigException">The path from <c>-c</c> or <c>CKAN_INI</c> does not exist.</exception>
    public static string? Locate(
        string? configPath,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);

        var baseDirectory = Path.GetFullPath(workingDirectory);
        if (!string.IsNullOrWhiteSpace(configPath))
        {
            return RequireExisting(Path.GetFullPath(configPath, baseDirectory));
        }

        if (environment.TryGetValue(ConfigPathVariable, out var fromEnvironment)
            && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return RequireExisting(Path.GetFullPath(fromEnvironment, baseDirectory));
        }

        return WorkingDirectoryFileNames
            .Select(name => Path.Combine(baseDirectory, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Returns a snapshot of the environment variables of this process.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                snapshot[name] = value;
            }
        }

        return snapshot;
    }

    private static string RequireExisting(string path) =>
        File.Exists(path) ? path : throw new ConfigException($"Config file not found: {path}");

    private static string ResolveDataDirectory(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.TryGetValue(HomeVariable, out var ckanHome) && !string.IsNullOrWhiteSpace(ckanHome))
        {
            return Path.GetFullPath(ckanHome);
        }

        // The XDG Base Directory specification treats a relative XDG_DATA_HOME as invalid and ignores it.
        if (environment.TryGetValue(XdgDataHomeVariable, out var dataHome) && Path.IsPathFullyQualified(dataHome))
        {
            return Path.Combine(dataHome, "ckan");
        }

        var userHome = environment.GetValueOrDefault("HOME");
        if (string.IsNullOrWhiteSpace(userHome))
        {
            userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (string.IsNullOrWhiteSpace(userHome))
        {
            throw new ConfigException(
                "Cannot choose a data folder for the embedded default because no home folder is known. " +
                "Set CKAN_HOME to a folder for the database, uploads and secret key, or pass a config file with -c.");
        }

        return Path.Combine(userHome, ".local", "share", "ckan");
    }
}
