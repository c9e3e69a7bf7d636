using System.Text.Json;

namespace Ckan.Migration;

/// <summary>
/// The datasets already copied from one source, with the source's <c>metadata_modified</c> at the time, kept
/// in a small JSON file so an interrupted migration resumes where it stopped and a rerun copies only changes.
/// </summary>
public sealed class MigrationState
{
    private readonly string _path;
    private readonly Dictionary<string, string> _copied;

    private MigrationState(string path, Dictionary<string, string> copied)
    {
        _path = path;
        _copied = copied;
    }

    /// <summary>Reads the state file, or starts empty when it does not exist.</summary>
    public static MigrationState Load(string path)
    {
        if (!File.Exists(path))
        {
            return new MigrationState(path, new Dictionary<string, string>(StringComparer.Ordinal));
        }

        using var stream = File.OpenRead(path);
        var copied = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        return new MigrationState(path, new Dictionary<string, string>(copied, StringComparer.Ordinal));
    }

    /// <summary>Whether the dataset was copied when the source last modified it at <paramref name="modified"/>.</summary>
    public bool IsCopied(string datasetId, string modified) =>
        _copied.TryGetValue(datasetId, out var seen) && string.Equals(seen, modified, StringComparison.Ordinal);

    public void MarkCopied(string datasetId, string modified) => _copied[datasetId] = modified;

    /// <summary>Writes the state through a temporary file, so a crash mid-write keeps the previous state.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temporary = _path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, _copied, cancellationToken: cancellationToken);
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
