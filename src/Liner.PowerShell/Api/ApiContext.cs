using System.Net.Http;
using System.Threading;

namespace Liner.PowerShell.Api;

/// <summary>What every request of one cmdlet call shares: the connection, the streams, Ctrl+C and the retry policy.</summary>
internal sealed class ApiContext
{
    public ApiContext(LinerConnection connection, ApiStreams streams, CancellationToken cancellation, RetryPolicy retry)
    {
        Connection = connection;
        Streams = streams;
        Cancellation = cancellation;
        Retry = retry;
    }

    public LinerConnection Connection { get; }

    public ApiStreams Streams { get; }

    public CancellationToken Cancellation { get; }

    public RetryPolicy Retry { get; }

    /// <summary>A request that reports to <paramref name="streams"/> and stops with <paramref name="cancellation"/> (work on another thread has its own).</summary>
    public HttpExchange NewExchange(HttpMethod method, ApiStreams? streams = null, CancellationToken? cancellation = null) =>
        new(this, method, streams ?? Streams, cancellation ?? Cancellation);
}
