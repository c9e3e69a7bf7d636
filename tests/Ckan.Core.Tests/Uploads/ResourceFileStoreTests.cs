using System.Text;
using Ckan.Core.Errors;
using Ckan.Core.Uploads;
using Xunit;

namespace Ckan.Core.Tests.Uploads;

public sealed class ResourceFileStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ckan-files-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public void GetPath_uses_ckan_layout()
    {
        var store = new ResourceFileStore(_folder);

        var path = store.GetPath("0123456789-abcdef");

        Assert.Equal(Path.Combine(_folder, "resources", "012", "345", "6789-abcdef"), path);
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("abcdef")]
    [InlineData("abc\0defghi")]
    [InlineData("abc/def/ghi")]
    [InlineData("abcdef..")]
    [InlineData("")]
    public void GetPath_rejects_id_outside_store(string id)
    {
        var store = new ResourceFileStore(_folder);

        var error = Assert.Throws<ValidationException>(() => store.GetPath(id));

        Assert.Equal("Invalid storage path", error.Errors["upload"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task StageAsync_rejects_file_over_limit_and_deletes_it()
    {
        var store = new ResourceFileStore(_folder);
        using var content = new MemoryStream(new byte[101]);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => store.StageAsync(content, "a.csv", "text/csv", 100, CancellationToken));

        Assert.Equal("File upload too large", error.Errors["upload"]![0]!.GetValue<string>());
        Assert.Empty(Directory.EnumerateFiles(store.StagingFolder));
    }

    [Fact]
    public async Task Attach_moves_staged_file_and_replaces_earlier_one()
    {
        var store = new ResourceFileStore(_folder);
        var id = Guid.NewGuid().ToString();
        using (var first = await StageTextAsync(store, "first"))
        {
            store.Attach(first, id);
        }

        using var second = await StageTextAsync(store, "second");

        store.Attach(second, id);
        second.Dispose();

        Assert.Equal("second", await File.ReadAllTextAsync(store.GetPath(id), CancellationToken));
        Assert.Empty(Directory.EnumerateFiles(store.StagingFolder));
    }

    [Fact]
    public async Task Disposing_unattached_upload_deletes_staged_file()
    {
        var store = new ResourceFileStore(_folder);
        var upload = await StageTextAsync(store, "left over");

        upload.Dispose();

        Assert.False(File.Exists(upload.StagingPath));
    }

    [Fact]
    public async Task DeleteStaleStagingFiles_keeps_recent_uploads()
    {
        var store = new ResourceFileStore(_folder);
        using var recent = await StageTextAsync(store, "recent");
        using var old = await StageTextAsync(store, "old");
        File.SetLastWriteTimeUtc(old.StagingPath, DateTime.UtcNow.AddDays(-2));

        var deleted = store.DeleteStaleStagingFiles(TimeSpan.FromDays(1));

        Assert.Equal(1, deleted);
        Assert.True(File.Exists(recent.StagingPath));
        Assert.False(File.Exists(old.StagingPath));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<StagedUpload> StageTextAsync(ResourceFileStore store, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await store.StageAsync(content, "data.txt", "text/plain", 1024, CancellationToken);
    }
}
