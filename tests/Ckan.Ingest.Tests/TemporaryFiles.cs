using System.Text;

namespace Ckan.Ingest.Tests;

/// <summary>Files written for one test in a folder of their own, deleted with it.</summary>
public sealed class TemporaryFiles : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ckan-ingest-" + Guid.NewGuid().ToString("N"));

    public TemporaryFiles()
    {
        Directory.CreateDirectory(_folder);
    }

    public string Folder => _folder;

    /// <summary>Writes text in UTF-8 without a byte order mark and returns the path.</summary>
    public string Write(string name, string text) => Write(name, text, new UTF8Encoding(false));

    /// <summary>Writes text in an encoding, with its byte order mark if the encoding has one.</summary>
    public string Write(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(_folder, name);
        using var stream = File.Create(path);
        stream.Write(encoding.GetPreamble());
        stream.Write(encoding.GetBytes(text));
        return path;
    }

    /// <summary>Writes bytes and returns the path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
