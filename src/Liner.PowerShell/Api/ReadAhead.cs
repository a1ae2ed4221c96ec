using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Liner.PowerShell.Api;

/// <summary>A page fetched whole on another thread, with its own retries, while earlier pages are written.</summary>
internal sealed class ReadAhead<T>
{
    private readonly CancellationTokenSource _cancel;
    private readonly BufferedStreams _streams = new();
    private readonly Task<(HttpExchange Exchange, Route Route, byte[] Body)> _fetch;

    public ReadAhead(long offset, ApiContext api, ListRequest list)
    {
        Offset = offset;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(api.Cancellation);
        var token = _cancel.Token;
        // On the module's own threads, not the pool's: the fetch blocks while it waits for the server.
        _fetch = Task.Factory.StartNew(
            () => api.Retry.Run(
                RequestKind.Read,
                _ =>
                {
                    var exchange = api.NewExchange(HttpMethod.Get, _streams.Streams, token);
                    var (response, route) = ListSequence<T>.Send(exchange, list, offset);
                    using (response)
                    {
                        var bytes = exchange.ReadBody(response, ResponseBody.MaxSize);
                        exchange.LogFinished();
                        return (exchange, route, bytes);
                    }
                },
                _streams.Streams,
                token),
            token,
            TaskCreationOptions.None,
            BlockingWorkScheduler.Instance);
    }

    public long Offset { get; }

    /// <summary>Waits for the page on the caller's thread (with progress), then hands it over to be read.</summary>
    public ListPage<T> Take(ApiContext api)
    {
        var reported = false;
        try
        {
            reported = Waiting.For(_fetch, _ => api.Streams.Progress($"Waiting for the page at offset {Offset:N0} from {api.Connection.BaseUri.Authority}", 50));
            var (exchange, route, body) = _fetch.GetAwaiter().GetResult();
            return new ListPage<T>(Offset, route, exchange, null, ResponseBody.FromBytes(body), streamed: false, probe: false);
        }
        catch (OperationCanceledException) when (api.Cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(api.Cancellation);
        }
        finally
        {
            _streams.Replay(api.Streams);
            if (reported)
            {
                api.Streams.Progress(null, 100);
            }
            _cancel.Dispose();
        }
    }

    /// <summary>Stops a fetch that is no longer wanted (the list ended, or the caller stopped).</summary>
    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        // Its outcome is of no interest any more; observe it so it is never reported as unobserved.
        _fetch.ContinueWith(
            task =>
            {
                _ = task.Exception;
                _cancel.Dispose();
            },
            TaskScheduler.Default);
    }
}
