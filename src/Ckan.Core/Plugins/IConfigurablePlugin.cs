using Ckan.Core.Config;

namespace Ckan.Core.Plugins;

/// <summary>Receives the configuration, with every plugin's declared defaults applied, once at start.</summary>
public interface IConfigurablePlugin : ICkanPlugin
{
    void Configure(CkanConfig config);
}
