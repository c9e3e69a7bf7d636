namespace Ckan.Ingest.Detection;

/// <summary>The separator and quote character of a delimited text file.</summary>
public sealed record CsvDialect(char Separator, char Quote = '"')
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
