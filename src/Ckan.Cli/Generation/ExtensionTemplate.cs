using System.Globalization;

namespace Ckan.Cli.Generation;

/// <summary>
/// The files of a new extension project: a plugin with one action and one page, a test project that runs it on
/// a real portal, and a README on building and enabling it. Written by <c>ckan generate extension</c>.
/// </summary>
public static class ExtensionTemplate
{
    /// <summary>Returns relative paths and contents for the extension <paramref name="name"/>.</summary>
    /// <param name="name">The plugin name as listed in <c>ckan.plugins</c>: lower-case letters, digits and '_'.</param>
    /// <param name="portalDirectory">The folder holding the portal's assemblies (Ckan.Core.dll, Ckan.Web.dll).</param>
    public static IReadOnlyDictionary<string, string> Files(string name, string portalDirectory)
    {
        var type = TypeName(name);
        var project = "CkanExt." + type;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{project}.csproj"] = ProjectFile(portalDirectory),
            [$"{type}Plugin.cs"] = PluginSource(name, type, project),
            [$"tests/{project}.Tests.csproj"] = TestProjectFile(project, portalDirectory),
            [$"tests/{type}PluginTests.cs"] = TestSource(name, type, project),
            ["README.md"] = Readme(name, project),
        };
    }

    /// <summary>Turns <c>my_theme</c> into <c>MyTheme</c>.</summary>
    public static string TypeName(string name) => string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string ProjectFile(string portalDirectory) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <!-- The portal's assemblies; override with -p:CkanPortalDirectory=... when the portal lives elsewhere. -->
            <CkanPortalDirectory Condition="'$(CkanPortalDirectory)' == ''">{{portalDirectory}}</CkanPortalDirectory>
          </PropertyGroup>
          <ItemGroup>
            <FrameworkReference Include="Microsoft.AspNetCore.App" />
            <!-- Private=false: the portal loads its own copies, so the plugin folder holds only this assembly. -->
            <Reference Include="Ckan.Core" HintPath="$(CkanPortalDirectory)/Ckan.Core.dll" Private="false" />
            <Reference Include="Ckan.Web" HintPath="$(CkanPortalDirectory)/Ckan.Web.dll" Private="false" />
          </ItemGroup>
          <ItemGroup>
            <Compile Remove="tests/**" />
          </ItemGroup>
        </Project>

        """;

    private static string PluginSource(string name, string type, string project) => $$"""
        using System.Text.Json.Nodes;
        using Ckan.Core.Actions;
        using Ckan.Core.Plugins;
        using Ckan.Web.Plugins;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace {{project}};

        /// <summary>Adds the action {{name}}_hello and the page /{{name}}.</summary>
        [CkanPlugin("{{name}}")]
        public sealed class {{type}}Plugin : IActionsPlugin, IWebPlugin
        {
            public void RegisterActions(ActionRegistry actions) =>
                actions.AddRead("{{name}}_hello", (context, data, cancellationToken) =>
                    Task.FromResult<ActionResult>(new JsonObject
                    {
                        ["message"] = "Hello from {{name}}",
                        ["user"] = context.User?.Name,
                    }));

            public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
                endpoints.MapGet("/{{name}}", () => Results.Content(
                    "<!doctype html><title>{{name}}</title><h1>Hello from {{name}}</h1>", "text/html; charset=utf-8"));
        }

        """;

    private static string TestProjectFile(string project, string portalDirectory) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <OutputType>Exe</OutputType>
            <IsPackable>false</IsPackable>
            <CkanPortalDirectory Condition="'$(CkanPortalDirectory)' == ''">{{portalDirectory}}</CkanPortalDirectory>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="xunit.v3" Version="3.2.2" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
            <ProjectReference Include="../{{project}}.csproj" />
            <!-- The tests run the portal from this folder as a separate process. -->
            <AssemblyMetadata Include="CkanPortalDirectory" Value="$(CkanPortalDirectory)" />
          </ItemGroup>
          <ItemGroup>
            <Using Include="Xunit" />
          </ItemGroup>
        </Project>

        """;

    private static string TestSource(string name, string type, string project) => $$""""
        using System.Diagnostics;
        using System.Net;
        using System.Net.Http.Json;
        using System.Net.Sockets;
        using System.Reflection;
        using System.Text.Json.Nodes;

        namespace {{project}}.Tests;

        /// <summary>Runs the portal with this plugin enabled from a plugins folder and calls it over HTTP.</summary>
        public sealed class {{type}}PluginTests
        {
            [Fact]
            public async Task Hello_action_works_over_http()
            {
                var cancellationToken = TestContext.Current.CancellationToken;
                var folder = Directory.CreateTempSubdirectory("{{name}}-test-").FullName;
                var plugins = Directory.CreateDirectory(Path.Combine(folder, "plugins")).FullName;
                // Found by file name: loading the plugin's type here would need the portal's assemblies too.
                var pluginAssembly = Path.Combine(AppContext.BaseDirectory, "{{project}}.dll");
                File.Copy(pluginAssembly, Path.Combine(plugins, Path.GetFileName(pluginAssembly)));
                var port = FreePort();
                File.WriteAllText(Path.Combine(folder, "ckan.ini"), $"""
                    [app:main]
                    sqlalchemy.url = sqlite:///{folder}/ckan.db
                    ckan.site_url = http://127.0.0.1:{port}
                    ckan.storage_path = {folder}/storage
                    SECRET_KEY = {Guid.NewGuid():N}
                    ckan.plugins_folder = {plugins}
                    ckan.plugins = {{name}}

                    """);
                var portal = typeof({{type}}PluginTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(attribute => attribute.Key == "CkanPortalDirectory").Value!;
                using var process = Process.Start(new ProcessStartInfo("dotnet")
                {
                    ArgumentList = { Path.Combine(portal, "ckan.dll"), "-c", Path.Combine(folder, "ckan.ini"), "run",
                        "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                })!;
                try
                {
                    using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                    var response = await WaitForAsync(client, "/api/3/action/{{name}}_hello", cancellationToken);

                    Assert.Equal("Hello from {{name}}", response["result"]!["message"]!.GetValue<string>());
                }
                finally
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            private static int FreePort()
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            // The portal needs a moment to open its catalog before it accepts requests.
            private static async Task<JsonObject> WaitForAsync(HttpClient client, string path, CancellationToken cancellationToken)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return (await client.GetFromJsonAsync<JsonObject>(path, cancellationToken))!;
                    }
                    catch (HttpRequestException) when (attempt < 100)
                    {
                        await Task.Delay(200, cancellationToken);
                    }
                }
            }
        }

        """";

    private static string Readme(string name, string project) => string.Create(CultureInfo.InvariantCulture, $$"""
        # {{name}}

        A plugin for the CKAN-compatible portal. It adds the action `{{name}}_hello` and the page `/{{name}}`.

        Build it, then point the portal at the build output and enable it:

        ```sh
        dotnet build -c Release
        dotnet test tests/{{project}}.Tests.csproj
        ```

        ```ini
        ckan.plugins_folder = /path/to/ckanext-{{name}}/bin/Release/net10.0
        ckan.plugins = {{name}}
        ```

        """);
}
