using System.Text;

namespace Ckan.Ingest.Detection;

/// <summary>The text encoding of a file and the length of its byte order mark (0 when it has none).</summary>
public sealed record DetectedEncoding(Encoding Encoding, int PreambleLength)
{
    /// <summary>The encoding's standard name, such as <c>utf-8</c> or <c>windows-1252</c>.</summary>
    public string Name => Encoding.WebName;
}
