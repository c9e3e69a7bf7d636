using System.Buffers.Text;
using System.Security.Cryptography;

namespace Ckan.Core.Config;

/// <summary>
/// Generates secret keys and keeps the one of the embedded default in a file readable only by its owner.
/// </summary>
internal static class SecretKeyStore
{
    private const int SecretByteCount = 32;

    /// <summary>Returns a new secret: 32 random bytes from the system's cryptographic generator, base64url
    /// encoded without padding (43 characters).</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretByteCount));

    /// <summary>
    /// Returns the secret stored in <paramref name="path"/>, first writing a new one there when the file does not
    /// exist. On Unix the new file gets mode 600.
    /// </summary>
    /// <remarks>
    /// The key is written to a temporary file that is then moved into place without overwriting, so processes
    /// starting at the same time all end up with the key of whichever move came first.
    /// </remarks>
    /// <exception cref="ConfigException">The file exists but is empty.</exception>
    public static string ReadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        if (File.Exists(path))
        {
            return ReadExisting(path);
        }

        var secret = Generate();
        var temporaryPath = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            WritePrivateFile(temporaryPath, secret);
            File.Move(temporaryPath, path, overwrite: false);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            return ReadExisting(path);
        }
        finally
        {
            File.Delete(temporaryPath);
        }
    }

    private static void WritePrivateFile(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(content);
        writer.Write('\n');
    }

    private static string ReadExisting(string path)
    {
        var secret = File.ReadAllText(path).Trim();
        if (secret.Length == 0)
        {
            throw new ConfigException(
                $"Secret key file {path} is empty. Delete it so that a new key is generated, or write a key into it.")
            {
                Option = "SECRET_KEY",
            };
        }

        return secret;
    }
}
