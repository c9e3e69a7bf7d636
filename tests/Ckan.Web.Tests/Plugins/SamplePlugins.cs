using System.Text.Json.Nodes;
using Ckan.Core.Actions;
using Ckan.Core.Config;
using Ckan.Core.Errors;
using Ckan.Core.Plugins;
using Ckan.Core.Search;
using Ckan.Web.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ckan.Web.Tests.Plugins;

/// <summary>Adds an action, wraps status_show and declares an option with a default.</summary>
[CkanPlugin("sample_actions")]
public sealed class SampleActionsPlugin : IActionsPlugin, IConfigDeclarationsPlugin, IConfigurablePlugin
{
    private string _greeting = "";

    public IReadOnlyList<ConfigDeclaration> ConfigDeclarations { get; } =
    [
        new("ckanext.sample.greeting", "hello", "The greeting sample_greeting returns."),
    ];

    public void Configure(CkanConfig config) => _greeting = config.Get("ckanext.sample.greeting") ?? "";

    public void RegisterActions(ActionRegistry actions)
    {
        actions.AddRead("sample_greeting", (context, data, _) =>
            Task.FromResult<ActionResult>(new JsonObject
            {
                ["greeting"] = _greeting,
                ["user"] = context.User?.Name,
            }));

        var statusShow = actions.Find("status_show")!.Handler;
        actions.AddRead("status_show", async (context, data, cancellationToken) =>
        {
            var result = await statusShow(context, data, cancellationToken);
            var status = result.Node!.AsObject();
            status["sample"] = true;
            return status;
        });
    }
}

/// <summary>Lets only logged-in users call tag_list.</summary>
[CkanPlugin("sample_auth")]
public sealed class SampleAuthPlugin : IAuthPlugin
{
    public IReadOnlyDictionary<string, AuthFunction> AuthFunctions { get; } = new Dictionary<string, AuthFunction>
    {
        ["tag_list"] = (context, _, _) => context.User is null
            ? throw new NotAuthorizedException("Only logged-in users may list tags")
            : Task.CompletedTask,
    };
}

/// <summary>Adds a checked theme field and a JSON list of keywords to datasets.</summary>
[CkanPlugin("sample_schema")]
public sealed class SampleSchemaPlugin : IDatasetSchemaPlugin
{
    private static readonly HashSet<string> Themes = new(StringComparer.Ordinal) { "health", "transport" };

    public IReadOnlyList<DatasetField> DatasetFields { get; } =
    [
        new("theme", Required: false, value => value.GetValueKind() == System.Text.Json.JsonValueKind.String
            && Themes.Contains(value.GetValue<string>()) ? null : "Value must be one of: health, transport"),
        new("keywords", Required: false, value => value is JsonArray ? null : "Must be a list", IsJson: true),
    ];
}

/// <summary>Turns an <c>ext_theme</c> search parameter into a filter on the theme extra.</summary>
[CkanPlugin("sample_search")]
public sealed class SampleSearchPlugin : ISearchPlugin
{
    public void BeforeSearch(JsonObject searchParameters)
    {
        if (searchParameters["ext_theme"]?.ToString() is { Length: > 0 } theme)
        {
            searchParameters.Remove("ext_theme");
            var filter = $"extras_theme:\"{theme}\"";
            var existing = searchParameters["fq"]?.ToString();
            searchParameters["fq"] = string.IsNullOrEmpty(existing) ? filter : existing + " " + filter;
        }
    }
}

/// <summary>Adds a page and a folder of static files.</summary>
[CkanPlugin("sample_pages")]
public sealed class SamplePagesPlugin : IWebPlugin
{
    public static readonly string AssetsFolder = Path.Combine(AppContext.BaseDirectory, "Plugins", "SampleAssets");

    public IReadOnlyList<StaticFolder> StaticFolders { get; } = [new("/sample/assets", AssetsFolder)];

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/sample", () => Results.Content("<h1>Sample page</h1>", "text/html; charset=utf-8"));
}

/// <summary>
/// Indexes the first letter of each title as <c>title_initial</c>, filtered with <c>ext_initial</c>, and the
/// title's length, by which <c>ext_longer_than=N</c> keeps titles longer than N characters, longest first.
/// </summary>
[CkanPlugin("sample_index")]
public sealed class SampleIndexPlugin : IIndexPlugin, ISearchPlugin, ISearchRankingPlugin
{
    public void BeforeIndex(JsonObject dataset, IndexDocumentFields fields)
    {
        var title = dataset["title"]?.GetValue<string>() ?? "";
        if (title.Length > 0)
        {
            fields.Add("title_initial", title[..1].ToUpperInvariant());
        }

        fields.SetNumber("title_length", title.Length);
    }

    public void BeforeSearch(JsonObject searchParameters)
    {
        if (searchParameters["ext_initial"]?.ToString() is { Length: > 0 } initial)
        {
            searchParameters.Remove("ext_initial");
            searchParameters["fq"] = $"title_initial:{initial}";
        }
    }

    public Task<SearchRanking?> RankAsync(
        ActionContext context,
        JsonObject searchParameters,
        CancellationToken cancellationToken)
    {
        if (searchParameters["ext_longer_than"]?.ToString() is not { Length: > 0 } text)
        {
            return Task.FromResult<SearchRanking?>(null);
        }

        var minimum = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult<SearchRanking?>(
            new NumericFieldRanking(["title_length"], numbers => numbers[0] - minimum));
    }
}
