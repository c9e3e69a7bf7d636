namespace Ckan.Ingest.Detection;

/// <summary>
/// Picks the separator of a delimited text from its first lines: among comma, semicolon, tab and pipe,
/// the one that appears outside quotes on the most lines with the same count on each; ties go to the
/// earlier candidate in that order. A text where none appears is read as one comma-separated column.
/// Quoting is off when quote characters appear inside fields but never at the start of one, because
/// a stray <c>"</c> would otherwise join every following line into one field.
/// </summary>
public static class DialectSniffer
{
    /// <summary>The number of characters read from the start of the file.</summary>
    public const int SampleLength = 64 * 1024;

    private const int MaxSampleLines = 200;

    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>Returns the dialect of <paramref name="sample"/>, the start of the text.</summary>
    /// <param name="sample">The text's first characters; a last line cut short is ignored.</param>
    /// <param name="isComplete">Whether the sample is the whole text, so its last line counts too.</param>
    public static CsvDialect Sniff(ReadOnlySpan<char> sample, bool isComplete)
    {
        var counts = CountPerLine(sample, isComplete);
        var best = ',';
        var bestScore = 0.0;
        foreach (var candidate in Candidates)
        {
            var score = Score(counts, candidate);
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return new CsvDialect(best, UsesQuoting(sample, best));
    }

    // NOTE: a file that quotes some fields and also has stray quotes keeps quoting, so there a stray
    // quote still joins the following lines into one field up to the next quote.
    private static bool UsesQuoting(ReadOnlySpan<char> sample, char separator)
    {
        var isQuoted = false;
        var isFieldStart = true;
        var justClosed = false;
        var quotedFields = 0;
        var strayQuotes = 0;
        foreach (var character in sample)
        {
            var closes = false;
            if (character == '"')
            {
                if (isQuoted)
                {
                    isQuoted = false;
                    closes = true;
                }
                else if (justClosed || isFieldStart)
                {
                    // A quote right after a closing one is an escaped quote ("") inside the field.
                    quotedFields += justClosed ? 0 : 1;
                    isQuoted = true;
                }
                else
                {
                    strayQuotes++;
                }
            }

            justClosed = closes;
            isFieldStart = !isQuoted && (character == separator || character is '\n' or '\r');
        }

        return quotedFields > 0 || strayQuotes == 0;
    }

    // The score is the share of lines whose count equals the most common non-zero count, weighted
    // slightly by that count so that a separator appearing several times a line beats a stray one.
    private static double Score(List<Dictionary<char, int>> lines, char candidate)
    {
        if (lines.Count == 0)
        {
            return 0;
        }

        var frequencies = new Dictionary<int, int>();
        foreach (var line in lines)
        {
            var count = line.GetValueOrDefault(candidate);
            if (count > 0)
            {
                frequencies[count] = frequencies.GetValueOrDefault(count) + 1;
            }
        }

        if (frequencies.Count == 0)
        {
            return 0;
        }

        var (mode, lineCount) = frequencies.MaxBy(pair => (pair.Value, pair.Key));
        return (double)lineCount / lines.Count + Math.Min(mode, 100) / 1000.0;
    }

    private static List<Dictionary<char, int>> CountPerLine(ReadOnlySpan<char> sample, bool isComplete)
    {
        var lines = new List<Dictionary<char, int>>();
        var current = new Dictionary<char, int>();
        var isQuoted = false;
        var hasContent = false;
        for (var index = 0; index < sample.Length && lines.Count < MaxSampleLines; index++)
        {
            var character = sample[index];
            if (character == '"')
            {
                isQuoted = !isQuoted;
                hasContent = true;
            }
            else if (!isQuoted && character is '\n' or '\r')
            {
                if (hasContent)
                {
                    lines.Add(current);
                }

                current = new Dictionary<char, int>();
                hasContent = false;
            }
            else
            {
                hasContent |= !char.IsWhiteSpace(character);
                if (!isQuoted && Array.IndexOf(Candidates, character) >= 0)
                {
                    current[character] = current.GetValueOrDefault(character) + 1;
                }
            }
        }

        if (isComplete && hasContent && lines.Count < MaxSampleLines)
        {
            lines.Add(current);
        }

        return lines;
    }
}
