using System.Diagnostics;
using System.Globalization;
using Ckan.Bench.Ingest;
using Ckan.Ingest.Pipeline;
using Ckan.Ingest.Sinks;

// Usage: Ckan.Bench.Ingest [rows]         generate a CSV of that many rows and time its ingest
//        Ckan.Bench.Ingest --inspect FILE  print the fields and counts ingest finds in one file
if (args.Length == 2 && args[0] == "--inspect")
{
    var inspected = await TabularIngester.IngestAsync(args[1], new CountingSink());
    Console.WriteLine(
        $"{Path.GetFileName(args[1])}: {inspected.RowCount} rows, {inspected.Format}, {inspected.Encoding}, " +
        $"{inspected.Separator}, wide {inspected.WideRowCount}, short {inspected.ShortRowCount}, " +
        $"blank {inspected.BlankRowCount}");
    foreach (var field in inspected.Fields)
    {
        Console.WriteLine($"  {field.Id} ({field.Type}) <- \"{field.Info["label"]}\"");
    }

    return 0;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var folder = Path.Combine(Path.GetTempPath(), "ckan-bench-ingest-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var path = Path.Combine(folder, "generated.csv");
    CsvGenerator.Write(path, rows);
    var megabytes = new FileInfo(path).Length / (1024.0 * 1024.0);
    Console.WriteLine($"File: {rows:N0} rows, {megabytes:F1} MiB");

    // The first run warms the JIT and the page cache; the second is measured.
    await TabularIngester.IngestAsync(path, new CountingSink());
    var cat = Reference.Time("cat", path + " > /dev/null");
    var wc = Reference.Time("wc", "-l " + path);

    var sink = new CountingSink();
    var clock = Stopwatch.StartNew();
    var result = await TabularIngester.IngestAsync(path, sink);
    clock.Stop();

    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"ingest (2 passes, into counting sink): {seconds:F2} s, {megabytes / seconds:F1} MiB/s, " +
        $"{result.RowCount / seconds:N0} rows/s, {sink.ValueCount:N0} values");
    Console.WriteLine($"cat > /dev/null: {cat:F3} s, {megabytes / cat:F0} MiB/s");
    Console.WriteLine($"wc -l: {wc:F3} s, {megabytes / wc:F0} MiB/s");
    Console.WriteLine("types: " + string.Join(", ", result.Fields.Select(field => field.Id + "=" + field.Type)));
    return result.RowCount == rows ? 0 : 1;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
