using System.Runtime.CompilerServices;
using Ckan.DataStore.Schema;

namespace Ckan.Bench.DataStore;

/// <summary>
/// Generates the benchmark table: ten columns of every common type, with a fixed random seed so every run
/// loads the same rows. <c>category</c> has 1,000 values (1,000 rows each); <c>label</c> contains three words
/// of a 5,000-word vocabulary, so a word matches about 600 rows.
/// </summary>
internal static class RowGenerator
{
    public const int Categories = 1000;
    public const int Vocabulary = 5000;

    public static readonly DataStoreField[] Fields =
    [
        new("code", FieldType.Parse("int8")!),
        new("category", FieldType.Text),
        new("amount", FieldType.Parse("numeric")!),
        new("ratio", FieldType.Float8),
        new("quantity", FieldType.Int4),
        new("flag", FieldType.Parse("bool")!),
        new("day", FieldType.Parse("date")!),
        new("stamp", FieldType.Parse("timestamp")!),
        new("label", FieldType.Text),
        new("note", FieldType.Text),
    ];

    /// <summary>Returns the name of category <paramref name="index"/>.</summary>
    public static string Category(int index) => "cat-" + index;

    /// <summary>Returns the vocabulary word <paramref name="index"/>, made of letters only.</summary>
    public static string Word(int index)
    {
        var letters = new char[5];
        for (var position = 0; position < letters.Length; position++)
        {
            letters[position] = (char)('a' + (index % 26));
            index /= 26;
        }

        return "w" + new string(letters);
    }

    public static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(
        int count,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var random = new Random(20261204);
        var start = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var row = 0; row < count; row++)
        {
            if (row % 10000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            var stamp = start.AddSeconds(random.Next(0, 300_000_000));
            yield return
            [
                (long)row * 7919 + 1,
                Category(random.Next(Categories)),
                new NumericText($"{random.Next(0, 1_000_000)}.{random.Next(0, 100):D2}"),
                random.NextDouble(),
                random.Next(0, 10_000),
                random.Next(2) == 1,
                DateOnly.FromDateTime(stamp),
                stamp,
                $"{Word(random.Next(Vocabulary))} {Word(random.Next(Vocabulary))} {Word(random.Next(Vocabulary))}",
                "row " + row + " of the benchmark table",
            ];
        }
    }
}
