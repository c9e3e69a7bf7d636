using Ckan.Core.Actions;
using Ckan.Core.Plugins;

namespace Ckan.Plugins.Showcase;

/// <summary>
/// ckanext-showcase: datasets of type <c>showcase</c> that present apps, stories or visualizations, each
/// linked to the datasets it uses. Showcases are left out of the normal dataset search.
/// </summary>
[CkanPlugin("showcase")]
public sealed class ShowcasePlugin : IActionsPlugin, ISearchPlugin
{
    public void RegisterActions(ActionRegistry actions) => ShowcaseActions.Register(actions);

    public void BeforeSearch(System.Text.Json.Nodes.JsonObject searchParameters) =>
        ShowcaseSearch.ExcludeShowcases(searchParameters);
}
