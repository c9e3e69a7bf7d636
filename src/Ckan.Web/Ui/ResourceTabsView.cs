namespace Ckan.Web.Ui;

/// <summary>The tabs of a resource for its publishers: the preview page and the DataStore page.</summary>
/// <param name="DatasetName">The dataset's name, for the links.</param>
/// <param name="ResourceId">The resource's id.</param>
/// <param name="Current"><c>preview</c> or <c>datastore</c>.</param>
public sealed record ResourceTabsView(string DatasetName, string ResourceId, string Current);
