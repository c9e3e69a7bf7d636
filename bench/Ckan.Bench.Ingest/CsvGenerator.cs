using System.Globalization;
using System.Text;

namespace Ckan.Bench.Ingest;

/// <summary>
/// Writes a CSV shaped like published statistics: an integer id, a leading-zero code, a name with
/// quoting, an ISO date, a decimal amount, a large count and a boolean. Seeded, so every run writes
/// the same bytes.
/// </summary>
internal static class CsvGenerator
{
    private static readonly string[] Names =
    [
        "Aberdeen", "Bogotá", "Cork, County", "Düsseldorf", "\"Quoted\" Town", "Łódź", "Nairobi", "Zürich",
    ];

    public static void Write(string path, int rows)
    {
        var random = new Random(20240101);
        var culture = CultureInfo.InvariantCulture;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,code,name,date,amount,population,active\n");
        var start = new DateOnly(2000, 1, 1);
        for (var row = 1; row <= rows; row++)
        {
            var name = Names[random.Next(Names.Length)];
            var quoted = name.Contains(',') || name.Contains('"')
                ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : name;
            writer.Write(row.ToString(culture));
            writer.Write(',');
            writer.Write(random.Next(0, 1000).ToString("D5", culture));
            writer.Write(',');
            writer.Write(quoted);
            writer.Write(',');
            writer.Write(start.AddDays(random.Next(0, 9000)).ToString("yyyy-MM-dd", culture));
            writer.Write(',');
            writer.Write((random.Next(-1_000_000, 1_000_000) / 100m).ToString(culture));
            writer.Write(',');
            writer.Write(((long)random.Next() * 1000).ToString(culture));
            writer.Write(',');
            writer.Write(random.Next(2) == 0 ? "true" : "false");
            writer.Write('\n');
        }
    }
}
