using System.Globalization;
using System.Text;

namespace Ckan.Bench.IngestDataStore;

/// <summary>
/// Writes a seeded CSV of ten columns: three integers (one beyond int4), two decimals, two ISO dates,
/// a leading-zero code, a short name with quoting and accents, and a description of 6 to 14 words.
/// Every run with the same row count writes the same bytes.
/// </summary>
internal static class WideCsvGenerator
{
    public const string Header = "id,quantity,population,amount,rate,day,updated,code,name,description";

    /// <summary>The column names of <see cref="Header"/>, in order.</summary>
    public static readonly string[] Columns = Header.Split(',');

    private static readonly string[] Names =
    [
        "Aberdeen", "Bogotá", "Cork, County", "Düsseldorf", "\"Quoted\" Town", "Łódź", "Nairobi", "Zürich",
    ];

    private static readonly string[] Words =
    [
        "budget", "school", "hospital", "river", "station", "district", "transport", "water", "energy",
        "housing", "library", "county", "harbour", "bridge", "museum", "airport", "forest", "council",
        "payment", "contract", "survey", "census", "rainfall", "traffic", "permit", "license", "election",
        "pupils", "beds", "tonnes", "kilometres", "visitors", "complaints", "grants", "loans", "repairs",
    ];

    public static void Write(string path, long rows)
    {
        var random = new Random(20261204);
        var culture = CultureInfo.InvariantCulture;
        var start = new DateOnly(2000, 1, 1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        for (long row = 1; row <= rows; row++)
        {
            writer.Write(row.ToString(culture));
            writer.Write(',');
            writer.Write(random.Next(0, 10_000).ToString(culture));
            writer.Write(',');
            writer.Write(((long)random.Next() * 1000).ToString(culture));
            writer.Write(',');
            writer.Write((random.Next(-1_000_000, 1_000_000) / 100m).ToString("F2", culture));
            writer.Write(',');
            writer.Write((random.Next(0, 10_000) / 10_000m).ToString("F4", culture));
            writer.Write(',');
            writer.Write(start.AddDays(random.Next(0, 9000)).ToString("yyyy-MM-dd", culture));
            writer.Write(',');
            writer.Write(start.AddDays(random.Next(0, 9000)).ToString("yyyy-MM-dd", culture));
            writer.Write(',');
            writer.Write(random.Next(0, 1000).ToString("D5", culture));
            writer.Write(',');
            writer.Write(Quote(Names[random.Next(Names.Length)]));
            writer.Write(',');
            WriteDescription(writer, random);
            writer.Write('\n');
        }
    }

    private static void WriteDescription(StreamWriter writer, Random random)
    {
        var count = random.Next(6, 15);
        for (var word = 0; word < count; word++)
        {
            if (word > 0)
            {
                writer.Write(' ');
            }

            writer.Write(Words[random.Next(Words.Length)]);
        }
    }

    private static string Quote(string value) => value.Contains(',') || value.Contains('"')
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
