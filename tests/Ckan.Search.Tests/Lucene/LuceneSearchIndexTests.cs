using Ckan.Core.Search;
using Ckan.Search.Lucene;

namespace Ckan.Search.Tests.Lucene;

/// <summary>
/// Tests of the Lucene index, split by aspect into partial files. Tests on the real datasets share
/// <see cref="RealIndexFixture"/> and only read it; the others build their own index in a temporary folder.
/// </summary>
public sealed partial class LuceneSearchIndexTests(RealIndexFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Constructor_creates_missing_folder()
    {
        using var parent = new TemporaryFolder();
        var path = Path.Combine(parent.Path, "nested", "index");

        using var index = new LuceneSearchIndex(path);

        Assert.True(Directory.Exists(path));
        Assert.Equal(Path.GetFullPath(path), index.IndexPath);
    }

    [Fact]
    public async Task Empty_new_folder_opens_as_empty_index()
    {
        using var folder = new TemporaryFolder();

        using var index = new LuceneSearchIndex(folder.Path);
        var result = await index.SearchAsync(new SearchRequest(), Token);

        Assert.Equal(0, result.Count);
        Assert.Empty(result.Results);
    }

    [Fact]
    public async Task Reopened_index_keeps_its_datasets()
    {
        using var folder = new TemporaryFolder();
        var dataset = DatasetFactory.Create(title: "Kept after reopening");
        using (var first = new LuceneSearchIndex(folder.Path))
        {
            await first.IndexAsync([DatasetFactory.Indexed(dataset)], Token);
        }

        using var second = new LuceneSearchIndex(folder.Path);
        var result = await second.SearchAsync(new SearchRequest { Query = "reopening" }, Token);

        Assert.Equal(1, result.Count);
    }

    [Fact]
    public async Task Corrupt_index_raises_unavailable()
    {
        using var folder = new TemporaryFolder();
        using (var index = new LuceneSearchIndex(folder.Path))
        {
            await index.IndexAsync([DatasetFactory.Indexed(DatasetFactory.Create())], Token);
        }

        foreach (var file in Directory.GetFiles(folder.Path, "segments_*"))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4, 5, 6, 7, 8], Token);
        }

        var error = Assert.Throws<SearchIndexUnavailableException>(() => new LuceneSearchIndex(folder.Path));
        Assert.IsAssignableFrom<InvalidOperationException>(error);
        Assert.Contains("ckan search-index rebuild", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(folder.Path), error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(folder.Path), error.IndexPath);
    }

    [Fact]
    public async Task Missing_files_raise_unavailable()
    {
        using var folder = new TemporaryFolder();
        using (var index = new LuceneSearchIndex(folder.Path))
        {
            await index.IndexAsync([DatasetFactory.Indexed(DatasetFactory.Create())], Token);
        }

        var segmentFiles = Directory.GetFiles(folder.Path)
            .Where(file => !Path.GetFileName(file).StartsWith("segments", StringComparison.Ordinal));
        foreach (var file in segmentFiles)
        {
            File.Delete(file);
        }

        var error = Assert.Throws<SearchIndexUnavailableException>(() => new LuceneSearchIndex(folder.Path));
        Assert.Contains("ckan search-index rebuild", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locked_folder_raises_unavailable()
    {
        using var folder = new TemporaryFolder();
        using var first = new LuceneSearchIndex(folder.Path);

        var error = Assert.Throws<SearchIndexUnavailableException>(() => new LuceneSearchIndex(folder.Path));

        Assert.Contains("locked by another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposed_index_raises_object_disposed()
    {
        using var folder = new TemporaryFolder();
        var index = new LuceneSearchIndex(folder.Path);

        index.Dispose();
        index.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.SearchAsync(new SearchRequest(), Token));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.ClearAsync(Token));
    }

    [Fact]
    public async Task Cancelled_token_raises_before_searching()
    {
        using var folder = new TemporaryFolder();
        using var index = new LuceneSearchIndex(folder.Path);
        using var cancelled = new CancellationTokenSource();

        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => index.SearchAsync(new SearchRequest(), cancelled.Token));
    }

    private static async Task<LuceneSearchIndex> CreateIndexAsync(
        TemporaryFolder folder,
        params Ckan.Core.Search.IndexedDataset[] datasets)
    {
        var index = new LuceneSearchIndex(folder.Path, new FixedClock(RealIndexFixture.Now));
        await index.IndexAsync(datasets, Token);
        return index;
    }
}
