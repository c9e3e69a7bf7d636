using Ckan.Bench.Render;

return await RenderBenchmark.RunAsync(args);
