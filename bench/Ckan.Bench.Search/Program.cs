using Ckan.Bench.Search;

return await SearchBenchmark.RunAsync(args);
