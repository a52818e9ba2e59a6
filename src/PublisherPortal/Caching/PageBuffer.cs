namespace PublisherPortal.Caching;

/// <summary>
/// Holds a page's body while it renders, so it can be stored whole (and its ETag sent with it). Past
/// <paramref name="limit"/> bytes it gives up: what it holds goes to the real response and the rest streams
/// through, uncached.
/// </summary>
internal sealed class PageBuffer(Stream inner, long limit) : Stream
{
    private MemoryStream? _buffer = new();

    /// <summary>True once the body outgrew the limit and went to the client directly.</summary>
    public bool Overflowed => _buffer is null;

    public byte[] ToArray() => _buffer?.ToArray() ?? throw new InvalidOperationException("The page overflowed its buffer.");

    /// <summary>Sends what is held to the real response.</summary>
    public async Task CopyToInnerAsync(CancellationToken cancellationToken)
    {
        if (_buffer is { Length: > 0 } held)
        {
            held.Position = 0;
            await held.CopyToAsync(inner, cancellationToken);
        }

        _buffer = null;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_buffer is not null && _buffer.Length + buffer.Length <= limit)
        {
            _buffer.Write(buffer);
            return;
        }

        if (_buffer is not null)
        {
            _buffer.Position = 0;
            _buffer.CopyTo(inner);
            _buffer = null;
        }

        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_buffer is not null && _buffer.Length + buffer.Length <= limit)
        {
            _buffer.Write(buffer.Span);
            return;
        }

        if (_buffer is not null)
        {
            await CopyToInnerAsync(cancellationToken);
        }

        await inner.WriteAsync(buffer, cancellationToken);
    }

    // Held bytes reach the client when the page is complete; a flush mid-page must not start the response early.
    public override void Flush()
    {
        if (_buffer is null)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _buffer is null ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
