namespace Ckan.Core.Plugins;

/// <summary>
/// Declares a dataset type of a plugin's own, such as <c>showcase</c>. Datasets of these types may be created
/// without an organization whatever <c>ckan.auth.create_unowned_dataset</c> says, because the plugin's own
/// actions decide who may create them.
/// </summary>
public interface IDatasetTypePlugin : ICkanPlugin
{
    /// <summary>The value of the dataset's <c>type</c> field.</summary>
    string DatasetType { get; }
}
