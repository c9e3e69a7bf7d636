namespace Ckan.Core.Plugins;

/// <summary>Adds validated top-level fields to datasets.</summary>
public interface IDatasetSchemaPlugin : ICkanPlugin
{
    IReadOnlyList<DatasetField> DatasetFields { get; }
}
