using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace Liner.MockApi;

/// <summary>
/// The bytes a TCP connection handed to its socket (TLS records included), counted where Kestrel
/// writes them: once the client has gone, nothing more reaches the socket, whatever the request's
/// code goes on writing. <see cref="Faults.WriteCountedAsync"/> reads it to log how much of a body
/// a client took.
/// </summary>
internal sealed class SentBytes
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Counts what <paramref name="connection"/> sends from now on.</summary>
    public static void Watch(ConnectionContext connection)
    {
        var sent = new SentBytes();
        connection.Items[typeof(SentBytes)] = sent;
        connection.Transport = new Duplex(connection.Transport.Input, new CountingWriter(connection.Transport.Output, sent));
    }

    /// <summary>The counter of the connection a request came on, if it is counted.</summary>
    public static SentBytes? Of(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(typeof(SentBytes), out var sent) == true ? sent as SentBytes : null;

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    private sealed class CountingWriter(PipeWriter inner, SentBytes sent) : PipeWriter
    {
        public override void Advance(int bytes)
        {
            Interlocked.Add(ref sent._count, bytes);
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }
}
