using System.Globalization;

namespace Ckan.Bench.Search;

/// <summary>
/// Draws package_search requests from the generated datasets in fixed proportions: words and phrases
/// from titles, facet filters on organization, tag and format values that datasets have, a date range,
/// and the unfiltered listing in both default and newest-first order.
/// </summary>
internal sealed class QueryMix
{
    // Out of every 12 requests: 3 single words and 1 of each other kind.
    private static readonly (string Kind, int Weight)[] Kinds =
    [
        ("word", 3), ("two words", 1), ("phrase", 1), ("organization", 1), ("tag", 1), ("format", 1),
        ("word + format", 1), ("date range", 1), ("all", 1), ("all, newest first", 1),
    ];

    private readonly Random _random;
    private readonly List<List<string>> _titles;
    private readonly List<List<string>> _titlePairs;
    private readonly List<(List<string> Words, List<string> Formats)> _titlesWithFormats;
    private readonly List<string> _organizations;
    private readonly List<List<string>> _tagSets;
    private readonly List<List<string>> _formatSets;

    /// <summary>
    /// Prepares, per kind of request, the datasets it can be drawn from. Raises
    /// <see cref="InvalidOperationException"/> when a kind has none.
    /// </summary>
    public QueryMix(IReadOnlyList<GeneratedDataset> datasets, Random random)
    {
        _random = random;
        var titles = datasets.Select(dataset => SearchableWords(dataset.Title)).ToList();
        _titles = Require(titles.Where(words => words.Count > 0), "a title with a searchable word");
        _titlePairs = Require(
            datasets.Select(dataset => AdjacentPairs(dataset.Title)).Where(pairs => pairs.Count > 0),
            "a title with two adjacent searchable words");
        _titlesWithFormats = Require(
            datasets
                .Select((dataset, i) => (Words: titles[i], Formats: Quotable(dataset.Formats)))
                .Where(pair => pair.Words.Count > 0 && pair.Formats.Count > 0),
            "a title with a searchable word and a resource format");
        _organizations = Require(
            datasets.Select(dataset => dataset.Organization).OfType<string>().Where(IsQuotable),
            "an organization");
        _tagSets = Require(datasets.Select(dataset => Quotable(dataset.Tags)).Where(tags => tags.Count > 0), "a tag");
        _formatSets = Require(
            datasets.Select(dataset => Quotable(dataset.Formats)).Where(formats => formats.Count > 0),
            "a resource format");
    }

    /// <summary>Names of the kinds of request, in the order the report lists them.</summary>
    public static IReadOnlyList<string> KindNames { get; } = Kinds.Select(kind => kind.Kind).ToList();

    /// <summary>Returns <paramref name="count"/> requests, the kinds interleaved in a fixed cycle.</summary>
    public IReadOnlyList<BenchQuery> Create(int count)
    {
        var cycle = Kinds.SelectMany(kind => Enumerable.Repeat(kind.Kind, kind.Weight)).ToList();
        return Enumerable.Range(0, count).Select(i => Create(cycle[i % cycle.Count])).ToList();
    }

    private BenchQuery Create(string kind)
    {
        switch (kind)
        {
            case "word":
                return new BenchQuery(kind, Pick(Pick(_titles)), null, null);
            case "two words":
                return new BenchQuery(kind, Pick(Pick(_titlePairs)), null, null);
            case "phrase":
                return new BenchQuery(kind, "\"" + Pick(Pick(_titlePairs)) + "\"", null, null);
            case "organization":
                return new BenchQuery(kind, null, Filter("organization", Pick(_organizations)), null);
            case "tag":
                return new BenchQuery(kind, null, Filter("tags", Pick(Pick(_tagSets))), null);
            case "format":
                return new BenchQuery(kind, null, Filter("res_format", Pick(Pick(_formatSets))), null);
            case "word + format":
                // A word and a format of the same dataset, so the request has at least that match.
                var (words, formats) = Pick(_titlesWithFormats);
                return new BenchQuery(kind, Pick(words), Filter("res_format", Pick(formats)), null);
            case "date range":
                var year = 2012 + _random.Next(12);
                var range = $"metadata_modified:[{year.ToString(CultureInfo.InvariantCulture)}-01-01T00:00:00Z TO NOW]";
                return new BenchQuery(kind, range, null, null);
            case "all":
                return new BenchQuery(kind, "*:*", null, null);
            case "all, newest first":
                return new BenchQuery(kind, "*:*", null, "metadata_modified desc");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of request.");
        }
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    private static List<string> SearchableWords(string title) =>
        title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(IsSearchable).ToList();

    /// <summary>Returns every pair of adjacent searchable words in the title, as "first second".</summary>
    private static List<string> AdjacentPairs(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, Math.Max(words.Length - 1, 0))
            .Where(i => IsSearchable(words[i]) && IsSearchable(words[i + 1]))
            .Select(i => words[i] + " " + words[i + 1])
            .ToList();
    }

    // Letters and digits only, so no word is read as query syntax.
    private static bool IsSearchable(string word) => word.Length is >= 2 and <= 40 && word.All(char.IsLetterOrDigit);

    private static List<string> Quotable(IEnumerable<string> values) => values.Where(IsQuotable).ToList();

    private static bool IsQuotable(string value) => value.Length > 0 && !value.Contains('"') && !value.Contains('\\');

    private static string Filter(string field, string value) => $"{field}:\"{value}\"";

    private static List<T> Require<T>(IEnumerable<T> candidates, string what)
    {
        var list = candidates.ToList();
        return list.Count > 0
            ? list
            : throw new InvalidOperationException($"No generated dataset has {what}; generate more datasets.");
    }
}
