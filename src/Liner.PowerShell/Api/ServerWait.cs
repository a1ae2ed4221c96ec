using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Liner.PowerShell.Api;

/// <summary>
/// The waits of one request for the server: each at most the connection's timeout, all of them within
/// a budget for the whole response, on the progress bar when one takes a while, ended at once by
/// Ctrl+C. What goes wrong while waiting (a timeout, the network, a body that cannot be decompressed)
/// leaves as the <see cref="LinerApiException"/> that <see cref="RequestFailures"/> phrases.
/// </summary>
internal sealed class ServerWait
{
    /// <summary>A whole response may take this many timeouts of waiting for the server, in all.</summary>
    internal const int ResponseTimeoutFactor = 20;

    private readonly LinerConnection _connection;
    private readonly ApiStreams _streams;
    private readonly CancellationToken _cancellation;
    private readonly RequestFailures _failures;
    private readonly Func<string> _describe;
    private readonly TimeSpan _timeout;

    public ServerWait(LinerConnection connection, ApiStreams streams, CancellationToken cancellation, RequestFailures failures, Func<string> describe)
    {
        _connection = connection;
        _streams = streams;
        _cancellation = cancellation;
        _failures = failures;
        _describe = describe;
        _timeout = TimeSpan.FromSeconds(connection.TimeoutSec);
    }

    /// <summary>How long this request has waited for the server so far.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>A new response: the budget starts again.</summary>
    public void Restart() => Waited = TimeSpan.Zero;

    /// <summary>
    /// Waits for one server operation; <paramref name="sending"/> while the request itself is on its way
    /// (a failure then may or may not have reached the server), false while the body arrives.
    /// </summary>
    public T For<T>(Func<CancellationToken, Task<T>> operation, string what, bool sending)
    {
        var budget = TimeSpan.FromTicks(_timeout.Ticks * ResponseTimeoutFactor) - Waited;
        var limit = budget < _timeout ? budget : _timeout;
        if (limit <= TimeSpan.Zero)
        {
            throw _failures.TimedOut(what, whole: true, sending);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        timeout.CancelAfter(limit);
        var started = DateTime.UtcNow;
        var reported = false;
        try
        {
            var task = operation(timeout.Token);
            reported = Waiting.For(task, waited => _streams.Progress(
                $"Waiting for {_connection.BaseUri.Authority} {what}, {waited.TotalSeconds:0} s of at most {limit.TotalSeconds:0} s ({_describe()})",
                (int)Math.Min(99, 100 * waited.Ticks / limit.Ticks)));
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!_cancellation.IsCancellationRequested)
        {
            throw _failures.TimedOut(what, whole: limit < _timeout, sending);
        }
        catch (InvalidDataException error) when (!_cancellation.IsCancellationRequested)
        {
            throw _failures.InvalidResponse($"the body could not be decompressed as its Content-Encoding says ({error.Message.TrimEnd('.')})");
        }
        catch (Exception error) when (!_cancellation.IsCancellationRequested && (error is HttpRequestException or IOException or ObjectDisposedException or WebException))
        {
            if (error is ObjectDisposedException && !_connection.IsOpen)
            {
                throw new LinerApiException(LinerErrorIds.ConnectionClosed, ErrorCategory.InvalidOperation, "The connection was closed by Disconnect-Liner while a request was running.", recommendedAction: "Run Connect-Liner again and use the new connection.");
            }
            throw _failures.NetworkFailure(error, sending);
        }
        catch (Exception) when (_cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(_cancellation);
        }
        finally
        {
            Waited += DateTime.UtcNow - started;
            if (reported)
            {
                _streams.Progress(null, 100);
            }
        }
    }
}
