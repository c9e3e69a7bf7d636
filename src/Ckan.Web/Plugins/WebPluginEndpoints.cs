using Ckan.Core.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Ckan.Web.Plugins;

/// <summary>Mounts the endpoints and static folders of the enabled web plugins.</summary>
public static class WebPluginEndpoints
{
    public static void MapWebPlugins(this WebApplication app, CkanServices services)
    {
        foreach (var plugin in services.Plugins.Of<IWebPlugin>())
        {
            foreach (var folder in plugin.StaticFolders)
            {
                app.UseStaticFiles(new StaticFileOptions
                {
                    RequestPath = new PathString(folder.RequestPath),
                    FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder.Folder)),
                });
            }

            plugin.MapEndpoints(app);
        }
    }
}
