using System.Text;
using Ckan.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Ckan.Search.Tests.Lucene;

public sealed partial class LuceneSearchIndexTests
{
    [Fact]
    public async Task Indexed_dataset_is_searchable_when_call_returns()
    {
        using var folder = new TemporaryFolder();
        using var index = await CreateIndexAsync(folder);
        var dataset = DatasetFactory.Create(title: "Visible straight away");

        await index.IndexAsync([DatasetFactory.Indexed(dataset)], Token);
        var result = await index.SearchAsync(new SearchRequest { Query = "straight" }, Token);

        Assert.Equal(1, result.Count);
    }

    [Fact]
    public async Task Bulk_load_shows_writes_when_it_ends()
    {
        using var folder = new TemporaryFolder();
        using var index = await CreateIndexAsync(folder);
        var datasets = Enumerable.Range(0, 100)
            .Select(i => DatasetFactory.Indexed(DatasetFactory.Create(name: $"bulk-{i}", title: "Loaded in bulk")))
            .ToList();
        var outer = index.BeginBulkLoad();
        var inner = index.BeginBulkLoad();

        await index.IndexAsync(datasets, Token);
        await inner.DisposeAsync();
        var duringLoad = await index.SearchAsync(new SearchRequest { Query = "bulk" }, Token);
        await outer.DisposeAsync();
        var afterLoad = await index.SearchAsync(new SearchRequest { Query = "bulk" }, Token);

        Assert.Equal(0, duringLoad.Count);
        Assert.Equal(100, afterLoad.Count);
    }

    [Fact]
    public async Task Bulk_load_commits_when_it_ends()
    {
        using var folder = new TemporaryFolder();
        using var index = await CreateIndexAsync(folder);
        await index.ClearAsync(Token);
        var load = index.BeginBulkLoad();
        await index.IndexAsync([DatasetFactory.Indexed(DatasetFactory.Create(title: "Committed"))], Token);
        var committedDuringLoad = CommittedDocuments(folder);

        await load.DisposeAsync();

        Assert.Equal(0, committedDuringLoad);
        Assert.Equal(1, CommittedDocuments(folder));
    }

    [Fact]
    public async Task Bulk_load_writes_no_compound_files()
    {
        using var folder = new TemporaryFolder();
        var index = await CreateIndexAsync(folder);
        var load = index.BeginBulkLoad();
        await index.IndexAsync([DatasetFactory.Indexed(DatasetFactory.Create(name: "in-bulk"))], Token);
        await load.DisposeAsync();
        var bulkSegments = CompoundFlags(folder);

        await index.IndexAsync([DatasetFactory.Indexed(DatasetFactory.Create(name: "on-its-own"))], Token);
        index.Dispose();
        var allSegments = CompoundFlags(folder);

        Assert.Equal([false], bulkSegments);
        Assert.Equal([false, true], allSegments);
    }

    [Fact]
    public async Task Results_are_the_given_json_bytes()
    {
        using var folder = new TemporaryFolder();
        var dataset = DatasetFactory.Create(title: "Bytes kept");
        var json = Encoding.UTF8.GetBytes("{\"id\": \"kept as written\",  \"extra space\": true}");
        using var index = await CreateIndexAsync(folder, new IndexedDataset
        {
            Dictionary = dataset,
            Json = json,
            PermissionLabels = ["public"],
        });

        var result = await index.SearchAsync(new SearchRequest(), Token);
        var stored = await index.GetStoredAsync(DatasetFacts.Id(dataset), Token);

        Assert.Equal(json, Assert.Single(result.Results));
        Assert.Equal(json, stored);
    }

    [Fact]
    public async Task Indexing_same_id_replaces_dataset()
    {
        using var folder = new TemporaryFolder();
        var dataset = DatasetFactory.Create(title: "Original wording");
        using var index = await CreateIndexAsync(folder, DatasetFactory.Indexed(dataset));
        var updated = dataset.DeepClone().AsObject();
        updated["title"] = "Replacement wording";

        await index.IndexAsync([DatasetFactory.Indexed(updated)], Token);
        var all = await index.SearchAsync(new SearchRequest(), Token);
        var old = await index.SearchAsync(new SearchRequest { Query = "original" }, Token);
        var current = await index.SearchAsync(new SearchRequest { Query = "replacement" }, Token);

        Assert.Equal(1, all.Count);
        Assert.Equal(0, old.Count);
        Assert.Equal(1, current.Count);
    }

    [Fact]
    public async Task Delete_removes_datasets_and_ignores_unknown_ids()
    {
        using var folder = new TemporaryFolder();
        var kept = DatasetFactory.Create();
        var removed = DatasetFactory.Create();
        using var index = await CreateIndexAsync(folder, DatasetFactory.Indexed(kept), DatasetFactory.Indexed(removed));

        await index.DeleteAsync([DatasetFacts.Id(removed), "no-such-id"], Token);
        var result = await index.SearchAsync(new SearchRequest(), Token);

        Assert.Equal([DatasetFacts.Id(kept)], result.Results.Select(DatasetFactory.IdOf));
        Assert.Null(await index.GetStoredAsync(DatasetFacts.Id(removed), Token));
    }

    [Fact]
    public async Task Clear_removes_every_dataset()
    {
        using var folder = new TemporaryFolder();
        using var index = await CreateIndexAsync(
            folder,
            DatasetFactory.Indexed(DatasetFactory.Create()),
            DatasetFactory.Indexed(DatasetFactory.Create(), "member-x"));

        await index.ClearAsync(Token);
        var result = await index.SearchAsync(new SearchRequest { PermissionLabels = null }, Token);

        Assert.Equal(0, result.Count);
        Assert.Empty(await index.ListIndexedAsync(Token));
    }

    [Fact]
    public async Task List_indexed_returns_raw_modified()
    {
        using var folder = new TemporaryFolder();
        var first = DatasetFactory.Create(modified: new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var second = DatasetFactory.Create(state: "draft");
        using var index = await CreateIndexAsync(
            folder,
            DatasetFactory.Indexed(first),
            DatasetFactory.Indexed(second, "creator-someone"));

        var listed = await index.ListIndexedAsync(Token);

        Assert.Equal(2, listed.Count);
        Assert.Equal("2020-01-02T03:04:05.000000", listed[DatasetFacts.Id(first)]);
        Assert.Equal(DatasetFacts.Text(second, "metadata_modified"), listed[DatasetFacts.Id(second)]);
    }

    [Fact]
    public async Task Get_stored_returns_null_for_unknown_id()
    {
        using var folder = new TemporaryFolder();
        using var index = await CreateIndexAsync(folder, DatasetFactory.Indexed(DatasetFactory.Create()));

        var stored = await index.GetStoredAsync("not-indexed", Token);

        Assert.Null(stored);
    }

    [Fact]
    public async Task Missing_id_rejects_whole_batch()
    {
        using var folder = new TemporaryFolder();
        using var index = await CreateIndexAsync(folder);
        var valid = DatasetFactory.Create();
        var withoutId = DatasetFactory.Create();
        withoutId.Remove("id");

        await Assert.ThrowsAsync<ArgumentException>(() => index.IndexAsync(
            [DatasetFactory.Indexed(valid), DatasetFactory.Indexed(withoutId)],
            Token));
        var result = await index.SearchAsync(new SearchRequest(), Token);

        Assert.Equal(0, result.Count);
    }

    [Fact]
    public async Task Large_batch_is_indexed_in_one_call()
    {
        using var folder = new TemporaryFolder();
        using var index = await CreateIndexAsync(folder);
        var batch = Enumerable.Range(0, 5000)
            .Select(number => DatasetFactory.Indexed(DatasetFactory.Create(
                title: $"Batch dataset {number}",
                tags: [number % 2 == 0 ? "even" : "odd"])))
            .ToList();

        await index.IndexAsync(batch, Token);
        var result = await index.SearchAsync(
            new SearchRequest { FacetFields = ["tags"], Rows = 0 },
            Token);

        Assert.Equal(5000, result.Count);
        Assert.Equal([new FacetCount("even", 2500), new FacetCount("odd", 2500)], result.Facets["tags"]);
    }

    [Fact]
    public async Task Parallel_writes_and_searches_all_succeed()
    {
        using var folder = new TemporaryFolder();
        using var index = await CreateIndexAsync(folder);
        const int Writers = 8;
        const int PerWriter = 25;

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var number = 0; number < PerWriter; number++)
            {
                var dataset = DatasetFactory.Create(title: $"Writer {writer} item {number}", tags: ["parallel"]);
                await index.IndexAsync([DatasetFactory.Indexed(dataset)], Token);
                var found = await index.SearchAsync(
                    new SearchRequest { Query = $"id:\"{DatasetFacts.Id(dataset)}\"" },
                    Token);
                Assert.Equal(1, found.Count);
            }
        }, Token));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < 50; round++)
            {
                await index.SearchAsync(new SearchRequest { Query = "writer", FacetFields = ["tags"] }, Token);
            }
        }, Token));
        await Task.WhenAll(writers.Concat(readers));
        var result = await index.SearchAsync(new SearchRequest { Query = "tags:parallel", Rows = 0 }, Token);

        Assert.Equal(Writers * PerWriter, result.Count);
    }

    [Fact]
    public async Task Real_dataset_lines_are_returned_verbatim()
    {
        var real = fixture.Require();
        var line = real.Lines[0];

        var stored = await real.Index.GetStoredAsync(DatasetFacts.Id(line.Dictionary), Token);

        Assert.Equal(Encoding.UTF8.GetBytes(line.Line), stored);
    }

    [Fact]
    public async Task Real_datasets_are_all_listed()
    {
        var real = fixture.Require();

        var listed = await real.Index.ListIndexedAsync(Token);

        Assert.Equal(real.Public.Count + real.Private.Count + real.Drafts.Count, listed.Count);
        foreach (var dataset in real.Public)
        {
            Assert.Equal(DatasetFacts.Text(dataset, "metadata_modified"), listed[DatasetFacts.Id(dataset)]);
        }
    }

    /// <summary>Returns, for each committed segment in order, whether it is packed into a compound file.</summary>
    private static IReadOnlyList<bool> CompoundFlags(TemporaryFolder folder)
    {
        using var directory = FSDirectory.Open(folder.Path);
        var segments = new SegmentInfos();
        segments.Read(directory);
        return segments.Select(segment => segment.Info.UseCompoundFile).ToList();
    }

    private static int CommittedDocuments(TemporaryFolder folder)
    {
        using var directory = FSDirectory.Open(folder.Path);
        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
    }
}
