namespace Ckan.Core.Plugins;

/// <summary>
/// A plugin with a dataset type of its own, such as <c>showcase</c>. Datasets of that type may be created
/// without an organization even when <c>ckan.auth.create_unowned_dataset</c> is off, because the plugin's own
/// actions decide who may create them.
/// </summary>
public interface IDatasetTypePlugin : ICkanPlugin
{
    /// <summary>The value of the dataset's <c>type</c> field.</summary>
    string DatasetType { get; }
}
