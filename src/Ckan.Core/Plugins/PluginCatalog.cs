using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Ckan.Core.Config;

namespace Ckan.Core.Plugins;

/// <summary>
/// Finds plugin classes: those in the portal's own assemblies (the loaded ones, and every <c>Ckan.*.dll</c>
/// and <c>ckan.dll</c> beside the application) and those in the assemblies of a plugins folder.
/// </summary>
internal static class PluginCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> BuiltIn = new(ScanApplication);
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, Type>> Folders =
        new(StringComparer.Ordinal);

    /// <summary>Returns plugin types by name: the application's, then the folder's when one is given.</summary>
    /// <exception cref="ConfigException">Two plugin classes share a name, or a folder assembly cannot load.</exception>
    public static IReadOnlyDictionary<string, Type> Find(string? folder)
    {
        var types = new Dictionary<string, Type>(BuiltIn.Value, StringComparer.Ordinal);
        if (folder is null)
        {
            return types;
        }

        foreach (var (name, type) in Folders.GetOrAdd(Path.GetFullPath(folder), ScanFolder))
        {
            if (types.TryGetValue(name, out var existing) && existing != type)
            {
                throw new ConfigException(
                    $"Two plugins are named {name}: {existing.FullName} and {type.FullName} in {folder}.");
            }

            types[name] = type;
        }

        return types;
    }

    private static IReadOnlyDictionary<string, Type> ScanApplication()
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Where(assembly => !assembly.IsDynamic).ToList();
        var loaded = assemblies.Select(assembly => assembly.GetName().Name).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(IsPortalAssembly))
        {
            var name = AssemblyName.GetAssemblyName(path);
            if (loaded.Contains(name.Name ?? ""))
            {
                continue;
            }

            try
            {
                assemblies.Add(AssemblyLoadContext.Default.LoadFromAssemblyName(name));
            }
            catch (FileNotFoundException)
            {
                // The file is not among the application's dependencies (a test assembly beside `ckan` run from
                // a test folder), so the default context cannot resolve it and it contains no plugin of this application.
            }
        }

        return Collect(assemblies, "the application");
    }

    // The portal's own assemblies are Ckan.*.dll and ckan.dll, the command line. The command line extends some
    // plugins with commands, so the scan must include it even when no command has run yet in this process
    // (a test that starts a portal first).
    private static bool IsPortalAssembly(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name == "ckan" || name.StartsWith("Ckan.", StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, Type> ScanFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ConfigException($"The plugins folder {folder} does not exist (option ckan.plugins_folder).");
        }

        var assemblies = new List<Assembly>();
        foreach (var path in Directory.GetFiles(folder, "*.dll", SearchOption.AllDirectories))
        {
            try
            {
                assemblies.Add(AssemblyLoadContext.Default.LoadFromAssemblyPath(path));
            }
            catch (Exception error) when (error is BadImageFormatException or FileLoadException)
            {
                throw new ConfigException($"Cannot load plugin assembly {path}: {error.Message}");
            }
        }

        return Collect(assemblies, folder);
    }

    private static Dictionary<string, Type> Collect(IEnumerable<Assembly> assemblies, string where)
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in assemblies.SelectMany(LoadableTypes))
        {
            if (!type.IsClass || type.IsAbstract || !typeof(ICkanPlugin).IsAssignableFrom(type)
                || type.GetCustomAttribute<CkanPluginAttribute>() is not { } attribute)
            {
                continue;
            }

            if (types.TryGetValue(attribute.Name, out var existing) && existing != type)
            {
                // A subclass with its base's name extends that plugin from an assembly higher up, such as
                // the command line adding commands to a plugin of a library it references.
                if (type.IsSubclassOf(existing))
                {
                    types[attribute.Name] = type;
                    continue;
                }

                if (existing.IsSubclassOf(type))
                {
                    continue;
                }

                throw new ConfigException(
                    $"Two plugins are named {attribute.Name} in {where}: {existing.FullName} and {type.FullName}.");
            }

            types[attribute.Name] = type;
        }

        return types;
    }

    // An assembly that references something missing still yields the types that did load.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException error)
        {
            return error.Types.OfType<Type>();
        }
    }
}
