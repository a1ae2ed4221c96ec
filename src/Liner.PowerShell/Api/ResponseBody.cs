using System;
using System.Buffers;
using System.Text;

namespace Liner.PowerShell.Api;

/// <summary>
/// The one loop that reads a response body: a buffer that the parser consumes from the front and
/// that is refilled (and grown, for a value larger than it) from the stream behind it.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int InitialSize = 64 * 1024;
    internal const int MaxSize = 64 * 1024 * 1024;

    private readonly Func<byte[], int, int, int> _read;
    private readonly KeyScrubber _scrubber;
    private byte[] _buffer;
    private int _start;
    private int _end;

    /// <param name="read">Reads into (buffer, offset, count); 0 at the end of the body.</param>
    /// <param name="scrubber">Takes the key out of the bytes as they arrive (a server may echo it).</param>
    public ResponseBody(Func<byte[], int, int, int> read, KeyScrubber? scrubber = null, int initialSize = InitialSize)
    {
        _read = read;
        _scrubber = scrubber ?? KeyScrubber.None;
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    /// <summary>A body that has already arrived whole (a page read ahead), scrubbed as it arrived.</summary>
    public static ResponseBody FromBytes(byte[] bytes)
    {
        var position = 0;
        return new ResponseBody(
            (buffer, offset, count) =>
            {
                var copied = Math.Min(count, bytes.Length - position);
                Buffer.BlockCopy(bytes, position, buffer, offset, copied);
                position += copied;
                return copied;
            },
            initialSize: Math.Max(16, Math.Min(bytes.Length + 1, InitialSize)));
    }

    /// <summary>The bytes received and not yet consumed.</summary>
    public ReadOnlySpan<byte> Available => new(_buffer, _start, _end - _start);

    /// <summary>True once the stream has said it has no more bytes.</summary>
    public bool Ended { get; private set; }

    /// <summary>How many bytes have arrived in all.</summary>
    public long Total { get; private set; }

    /// <summary>The start of the body as text, for describing a body that is not JSON.</summary>
    public string Head { get; private set; } = string.Empty;

    public void Consume(int count) => _start += count;

    /// <summary>Reads more bytes behind those available; false at the end of the body.</summary>
    /// <exception cref="ResponseShapeException">One value would need more than <see cref="MaxSize"/> bytes.</exception>
    public bool Fill()
    {
        if (Ended)
        {
            return false;
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxSize)
            {
                throw new ResponseShapeException($"one value of the body is larger than {MaxSize / (1024 * 1024)} MB");
            }
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = _read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            Ended = true;
            return false;
        }
        Total += read;
        // A copy of the key may begin in bytes already here and end in the new ones.
        var end = _scrubber.Scrub(_buffer, Math.Max(_start, _end - _scrubber.Overlap), _end + read);
        if (Head.Length == 0)
        {
            Head = Encoding.UTF8.GetString(_buffer, 0, Math.Min(end, 2048));
        }
        _end = end;
        return true;
    }

    /// <summary>Reads the rest of the body, up to <paramref name="limit"/> bytes, for an error response.</summary>
    public byte[] ReadAll(int limit)
    {
        while (_end - _start < limit && Fill())
        {
        }
        return Available.Slice(0, Math.Min(limit, _end - _start)).ToArray();
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _start = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
