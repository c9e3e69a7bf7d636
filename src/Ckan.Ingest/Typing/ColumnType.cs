namespace Ckan.Ingest.Typing;

/// <summary>The CKAN type chosen for a column and, for dates and timestamps, the layout every value has.</summary>
internal sealed record ColumnType(string Type, DateFormat? DateFormat = null)
{
    public static ColumnType Text { get; } = new(CkanTypes.Text);
}
