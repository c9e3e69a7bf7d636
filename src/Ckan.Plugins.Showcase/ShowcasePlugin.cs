using Ckan.Core.Actions;
using System.Text.Json.Nodes;
using Ckan.Core.Plugins;

namespace Ckan.Plugins.Showcase;

/// <summary>
/// ckanext-showcase: datasets of type <c>showcase</c> that present apps, stories or visualizations, each
/// linked to the datasets it uses. Showcases are left out of the normal dataset search.
/// </summary>
[CkanPlugin("showcase")]
public sealed class ShowcasePlugin : IActionsPlugin, ISearchPlugin, IDatasetTypePlugin
{
    public string DatasetType => ShowcaseActions.DatasetType;

    public void RegisterActions(ActionRegistry actions) => ShowcaseActions.Register(actions);

    public void BeforeSearch(JsonObject searchParameters) =>
        ShowcaseSearch.ExcludeShowcases(searchParameters);
}
