using Ckan.Bench.DataStore;

return await DataStoreBenchmark.RunAsync(args);
