using System.Threading;

namespace Liner.PowerShell.Api;

/// <summary>What every request of one cmdlet call shares: the connection, the log, Ctrl+C and the retry policy.</summary>
internal sealed class ApiContext
{
    public ApiContext(LinerConnection connection, ApiLog log, CancellationToken cancellation, RetryPolicy retry)
    {
        Connection = connection;
        Log = log;
        Cancellation = cancellation;
        Retry = retry;
    }

    public LinerConnection Connection { get; }

    public ApiLog Log { get; }

    public CancellationToken Cancellation { get; }

    public RetryPolicy Retry { get; }

    /// <summary>A request that logs to <paramref name="log"/> and stops with <paramref name="cancellation"/> (a page read ahead has its own).</summary>
    public ApiRequest NewRequest(ApiLog log, CancellationToken cancellation) => new(Connection, log, cancellation, Retry);
}
