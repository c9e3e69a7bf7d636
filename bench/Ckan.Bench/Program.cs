using Ckan.Bench;

return await PackageShowBenchmark.RunAsync(args);
