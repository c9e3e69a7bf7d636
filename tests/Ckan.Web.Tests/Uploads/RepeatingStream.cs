namespace Ckan.Web.Tests.Uploads;

/// <summary>A read-only stream of <c>x</c> bytes of a given length, so a large upload needs no memory.</summary>
internal sealed class RepeatingStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var size = (int)Math.Min(count, length - _position);
        buffer.AsSpan(offset, size).Fill((byte)'x');
        _position += size;
        return size;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
