using Ckan.Ingest.Sinks;
using Ckan.Ingest.Typing;

namespace Ckan.Ingest.Pipeline;

internal static class IngestFields
{
    /// <summary>Returns the fields of a profiled table: cleaned names, the given types, the original labels.</summary>
    public static List<IngestField> Create(TableProfile profile, IReadOnlyList<ColumnType> types) =>
        profile.CleanHeaders().Select((header, index) => new IngestField
        {
            Id = header.Id,
            Type = types[index].Type,
            Info = new Dictionary<string, string> { ["label"] = header.Label },
        }).ToList();
}
