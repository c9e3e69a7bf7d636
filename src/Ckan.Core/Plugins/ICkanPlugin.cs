namespace Ckan.Core.Plugins;

/// <summary>
/// A plugin: a class named in <c>ckan.plugins</c> through its <see cref="CkanPluginAttribute"/>. It takes part
/// in the portal through the hook interfaces it implements, such as <see cref="IActionsPlugin"/>.
/// </summary>
/// <remarks>
/// A plugin class has a public constructor that takes no arguments or one <see cref="Config.CkanConfig"/>.
/// One instance is made per running portal, so hooks may be called from many threads at once.
/// </remarks>
public interface ICkanPlugin;
