using System.Reflection;
using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Core.Json;

namespace Ckan.Core.Actions.Get;

/// <summary>Site-wide read actions: site_read, status_show, license_list, tag_list and help_show.</summary>
public static class MiscGet
{
    /// <summary>The CKAN API version this portal speaks, reported as ckan_version.</summary>
    public const string CkanVersion = "2.11.0";

    /// <summary>Adds the actions to the registry.</summary>
    public static void Register(ActionRegistry registry) => registry
        .AddRead("site_read", (_, _, _) => Task.FromResult<ActionResult>(JsonValue.Create(true)))
        .AddRead("status_show", StatusShowAsync)
        .AddRead("license_list", LicenseListAsync)
        .AddRead("tag_list", TagListAsync)
        .AddRead("help_show", HelpShowAsync);

    /// <summary>status_show: the site's title, description, URL, default locale, plugins and version.</summary>
    public static async Task<ActionResult> StatusShowAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var config = context.Config;
        var runtime = context.Services.RuntimeConfig;
        var status = new JsonObject
        {
            ["site_title"] = await runtime.GetStringAsync("ckan.site_title", config.SiteTitle, cancellationToken),
            ["site_description"] = await runtime.GetStringAsync(
                "ckan.site_description", config.SiteDescription, cancellationToken),
            ["site_url"] = config.SiteUrl,
            ["error_emails_to"] = config.Get("email_to"),
            ["locale_default"] = config.LocaleDefault,
            ["extensions"] = new JsonArray(context.Services.PluginNames.Select(name => (JsonNode?)name).ToArray()),
        };
        if (!config.GetBool("ckan.hide_version", false) || context.IsSysadmin)
        {
            status["ckan_version"] = CkanVersion;
        }

        return status;
    }

    /// <summary>license_list: the license register, every value a string as CKAN prints it.</summary>
    public static Task<ActionResult> LicenseListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var list = new JsonArray();
        foreach (var license in context.Services.Licenses.All)
        {
            list.Add(new JsonObject
            {
                ["domain_content"] = PythonBool(license.DomainContent),
                ["domain_data"] = PythonBool(license.DomainData),
                ["domain_software"] = PythonBool(license.DomainSoftware),
                ["family"] = license.Family,
                ["id"] = license.Id,
                ["is_generic"] = PythonBool(license.IsGeneric),
                ["maintainer"] = license.Maintainer,
                ["od_conformance"] = license.OdConformance,
                ["osd_conformance"] = license.OsdConformance,
                ["status"] = license.Status,
                ["title"] = license.Title,
                ["url"] = license.Url,
            });
        }

        return Task.FromResult<ActionResult>(list);
    }

    /// <summary>
    /// tag_list: names of tags on active public datasets, or tag dictionaries with <c>all_fields</c>.
    /// Parameters: <c>query</c> (or <c>q</c>), <c>vocabulary_id</c>, <c>all_fields</c>.
    /// </summary>
    public static async Task<ActionResult> TagListAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var query = DataDict.GetString(data, "query");
        if (string.IsNullOrEmpty(query))
        {
            query = DataDict.GetString(data, "q");
        }

        await using var session = await context.Store.OpenSessionAsync(write: false, cancellationToken);
        string? vocabularyId = null;
        if (DataDict.GetString(data, "vocabulary_id") is { Length: > 0 } vocabulary)
        {
            vocabularyId = await session.FindVocabularyIdAsync(vocabulary, cancellationToken)
                ?? throw new NotFoundException("Could not find vocabulary \"" + vocabulary + "\"");
        }

        var tags = await session.ListTagsAsync(string.IsNullOrEmpty(query) ? null : query, vocabularyId, cancellationToken);
        if (!DataDict.GetBool(data, "all_fields", false))
        {
            return new JsonArray(tags.Select(tag => (JsonNode?)tag.Name).ToArray());
        }

        return new JsonArray(tags.Select(tag => (JsonNode?)new JsonObject
        {
            ["id"] = tag.Id,
            ["name"] = tag.Name,
            ["vocabulary_id"] = tag.VocabularyId,
            ["display_name"] = tag.Name,
        }).ToArray());
    }

    /// <summary>help_show: the documentation of an action (parameter <c>name</c>).</summary>
    public static Task<ActionResult> HelpShowAsync(
        ActionContext context,
        JsonObject data,
        CancellationToken cancellationToken)
    {
        var name = DataDict.Require(data, "name");
        if (context.Services.Actions.Find(name) is null)
        {
            throw new NotFoundException($"Action function not found: {name}");
        }

        return Task.FromResult<ActionResult>(JsonValue.Create(ActionHelp.Describe(name)));
    }

    private static string PythonBool(bool value) => value ? "True" : "False";
}
