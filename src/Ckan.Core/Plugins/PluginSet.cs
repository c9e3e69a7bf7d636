using Ckan.Core.Config;

namespace Ckan.Core.Plugins;

/// <summary>
/// The plugins enabled by <c>ckan.plugins</c>, in the listed order, each made once. Hooks run in that order,
/// so a later plugin receives and may change the result of an earlier one.
/// </summary>
public sealed class PluginSet
{
    /// <summary>The option listing the enabled plugins.</summary>
    public const string PluginsOption = "ckan.plugins";

    /// <summary>The option naming a folder of plugin assemblies to load besides the portal's own.</summary>
    public const string FolderOption = "ckan.plugins_folder";

    private readonly List<ICkanPlugin> _plugins;

    private PluginSet(IReadOnlyList<string> names, List<ICkanPlugin> plugins, IReadOnlyList<string> missingFeatures)
    {
        Names = names;
        _plugins = plugins;
        MissingFeatures = missingFeatures;
        DatasetFields = Of<IDatasetSchemaPlugin>()
            .SelectMany(plugin => plugin.DatasetFields)
            .GroupBy(field => field.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last(), StringComparer.Ordinal);
    }

    /// <summary>An empty set, for portals and tests without plugins.</summary>
    public static PluginSet None { get; } = new([], [], []);

    /// <summary>The enabled names as listed, including accepted CKAN names without a plugin class.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>CKAN plugin names that were accepted although this portal lacks their feature.</summary>
    public IReadOnlyList<string> MissingFeatures { get; }

    /// <summary>The dataset fields plugins add, by name; a later plugin's field replaces an earlier one's.</summary>
    public IReadOnlyDictionary<string, DatasetField> DatasetFields { get; }

    /// <summary>Returns the enabled plugins that implement a hook, in the listed order.</summary>
    public IEnumerable<T> Of<T>()
        where T : ICkanPlugin => _plugins.OfType<T>();

    /// <summary>
    /// Makes the plugins listed in <c>ckan.plugins</c>. Returns the set and the configuration with every
    /// declared default applied to options the ini file and environment leave unset.
    /// </summary>
    /// <exception cref="ConfigException">A name is unknown; the message lists the available ones.</exception>
    public static (PluginSet Plugins, CkanConfig Config) Load(CkanConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var names = config.GetList(PluginsOption).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return (None, config);
        }

        var types = PluginCatalog.Find(config.Get(FolderOption));
        var plugins = new List<ICkanPlugin>();
        var missing = new List<string>();
        foreach (var name in names)
        {
            if (types.TryGetValue(name, out var type))
            {
                plugins.Add(Create(name, type));
            }
            else if (CorePluginNames.Accepted.TryGetValue(name, out var provided))
            {
                if (!provided)
                {
                    missing.Add(name);
                }
            }
            else
            {
                var available = types.Keys.Concat(CorePluginNames.Accepted.Keys).Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal);
                throw new ConfigException(
                    $"Unknown plugin \"{name}\" in {PluginsOption}. Available plugins: {string.Join(", ", available)}.");
            }
        }

        var defaults = plugins.OfType<IConfigDeclarationsPlugin>()
            .SelectMany(plugin => plugin.ConfigDeclarations)
            .Where(declaration => declaration.Default is not null)
            .ToList();
        var configured = config.WithDefaults(defaults.Select(item => KeyValuePair.Create(item.Key, item.Default!)));
        foreach (var plugin in plugins.OfType<IConfigurablePlugin>())
        {
            plugin.Configure(configured);
        }

        return (new PluginSet(names, plugins, missing), configured);
    }

    private static ICkanPlugin Create(string name, Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ConfigException($"Plugin \"{name}\" ({type.FullName}) has no public constructor without arguments.");
        }

        return (ICkanPlugin)Activator.CreateInstance(type)!;
    }
}
