using Ckan.Ingest.Sinks;

namespace Ckan.Ingest.Pipeline;

/// <summary>What an ingest found and loaded.</summary>
public sealed record IngestResult
{
    /// <summary>The fields, in column order, as passed to the sink.</summary>
    public required IReadOnlyList<IngestField> Fields { get; init; }

    /// <summary>The data rows loaded: every non-blank row after the header.</summary>
    public required long RowCount { get; init; }

    /// <summary>The file format: <c>csv</c> for delimited text (TSV included) or <c>xlsx</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The detected text encoding, such as <c>utf-8</c>; null for XLSX.</summary>
    public string? Encoding { get; init; }

    /// <summary>The detected separator's name, such as <c>comma</c> or <c>tab</c>; null for XLSX.</summary>
    public string? Separator { get; init; }

    /// <summary>Rows with values beyond the header's last column, which got generated field names.</summary>
    public long WideRowCount { get; init; }

    /// <summary>Rows with fewer cells than the fields, whose missing cells became nulls.</summary>
    public long ShortRowCount { get; init; }

    /// <summary>Blank lines (every cell empty) that were skipped.</summary>
    public long BlankRowCount { get; init; }

    internal static IngestResult Create(
        TableSource source,
        IReadOnlyList<IngestField> fields,
        long rowCount,
        TableProfile profile) => new()
        {
            Fields = fields,
            RowCount = rowCount,
            Format = source.Format,
            Encoding = source.Encoding?.Name,
            Separator = source.Dialect?.SeparatorName,
            WideRowCount = profile.WideRowCount,
            ShortRowCount = profile.ShortRowCount,
            BlankRowCount = profile.BlankRowCount,
        };
}
