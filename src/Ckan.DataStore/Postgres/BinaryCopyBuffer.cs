using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Ckan.DataStore.Postgres;

/// <summary>
/// Builds PostgreSQL's binary COPY format (big-endian lengths and values) in a pooled buffer that grows to
/// hold one row and is sent on once it passes 64 KiB.
/// </summary>
internal sealed class BinaryCopyBuffer : IDisposable
{
    private const int SendThreshold = 1 << 16;

    // PostgreSQL's binary COPY signature, then the flags and header-extension lengths, both zero.
    private static ReadOnlySpan<byte> Header =>
        [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0A, 0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(SendThreshold * 2);
    private int _length;

    public bool IsDueToSend => _length >= SendThreshold;

    public ReadOnlyMemory<byte> Content => _bytes.AsMemory(0, _length);

    public void WriteHeader() => Header.CopyTo(Reserve(Header.Length));

    public void WriteTrailer() => WriteInt16(-1);

    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64BigEndian(Reserve(8), value);

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    /// <summary>Writes the text's UTF-8 bytes after their length.</summary>
    public void WriteText(ReadOnlySpan<char> value)
    {
        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_bytes.AsSpan(_length), written);
        _length += 4 + written;
    }

    /// <summary>Returns the next <paramref name="count"/> bytes of the buffer to fill.</summary>
    public Span<byte> Reserve(int count)
    {
        Ensure(count);
        var span = _bytes.AsSpan(_length, count);
        _length += count;
        return span;
    }

    public void Clear() => _length = 0;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private void Ensure(int count)
    {
        if (_length + count <= _bytes.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + count));
        _bytes.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
