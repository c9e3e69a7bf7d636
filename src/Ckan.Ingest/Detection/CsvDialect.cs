namespace Ckan.Ingest.Detection;

/// <summary>
/// The separator of a delimited text file and whether <c>"</c> quotes fields. A file that has quote
/// characters only inside fields (<c>12" pipe</c>) and never at a field's start does not use quoting,
/// and its quotes are read as text.
/// </summary>
public sealed record CsvDialect(char Separator, bool HasQuoting = true)
{
    /// <summary>The separator's name for messages and reports: <c>comma</c>, <c>tab</c> and so on.</summary>
    public string SeparatorName => Separator switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "pipe",
        _ => Separator.ToString(),
    };
}
