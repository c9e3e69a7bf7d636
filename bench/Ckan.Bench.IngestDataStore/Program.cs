using System.Globalization;
using Ckan.Bench.IngestDataStore;

// Usage: Ckan.Bench.IngestDataStore ADMIN_URL [rows...]        the whole benchmark (default 1000000 5000000)
//        Ckan.Bench.IngestDataStore push ADMIN_URL|- FILE ROWS one load, PostgreSQL or (with -) SQLite
var cancellationToken = CancellationToken.None;
if (args.Length == 4 && args[0] == "push")
{
    var adminUrl = args[1] == "-" ? null : args[1];
    return await PushRun.RunAsync(adminUrl, args[2], long.Parse(args[3], CultureInfo.InvariantCulture), cancellationToken);
}

if (args.Length == 0)
{
    Console.Error.WriteLine("Usage: Ckan.Bench.IngestDataStore ADMIN_URL [rows...]");
    return 2;
}

long[] sizes = args.Length > 1
    ? args[1..].Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray()
    : [1_000_000, 5_000_000];
return await IngestBenchmark.RunAsync(args[0], sizes, cancellationToken);
