using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Liner.PowerShell.Api;

/// <summary>
/// A list of the Liner API as a lazy sequence that the cmdlet pulls from: one request when the list
/// is unpaged, one per page when it is paged. Nothing is requested before the first item is asked
/// for, and no page before the consumer gets near it.
/// </summary>
/// <remarks>
/// <para>The first response is streamed on the caller's thread, so its first item is written while
/// the rest is still arriving. Later pages (bounded in size) are fetched ahead on other threads,
/// at most <see cref="ListRequest.ReadAhead"/> at a time, and handed out in order; their verbose
/// and debug messages wait for the caller's thread.</para>
/// <para>A request is tried again (per <see cref="RetryPolicy"/>) only while none of its items has
/// been handed out, so nothing is written twice; a page that fails after that ends the sequence
/// with its error. The list ends on an empty page, a <c>next</c> that is null, absent or does not
/// move forward, or an offset that reaches <c>total</c>.</para>
/// </remarks>
internal sealed class ListSequence<T> : IEnumerable<T>
{
    private readonly ApiContext _api;
    private readonly ListRequest _request;
    private readonly IItemMapper<T> _mapper;

    public ListSequence(ApiContext api, ListRequest request, IItemMapper<T> mapper)
    {
        _api = api;
        _request = request;
        _mapper = mapper;
    }

    /// <summary>The list's <c>total</c>, once a page has said it.</summary>
    public long? Total { get; private set; }

    public IEnumerator<T> GetEnumerator() => new Reader(this);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Reader : IEnumerator<T>
    {
        private readonly ListSequence<T> _list;
        private readonly ApiContext _api;
        private readonly ListRequest _request;
        private readonly Queue<AheadPage> _ahead = new();
        private Page? _page;
        private long _offset;
        private long _step;
        private int _attempt = 1;
        private bool _ended;

        public Reader(ListSequence<T> list)
        {
            _list = list;
            _api = list._api;
            _request = list._request;
            _offset = _request.StartOffset;
        }

        public T Current { get; private set; } = default!;

        object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (!_ended)
            {
                var takingReadAhead = false;
                try
                {
                    if (_page is null)
                    {
                        takingReadAhead = _ahead.Count > 0;
                        _page = OpenPage();
                    }
                    if (_page.TryRead(_list._mapper, out var item))
                    {
                        Current = item!;
                        return true;
                    }
                    FinishPage(_page);
                }
                catch (LinerApiException error) when (!takingReadAhead && CanRetry(error, out var delay))
                {
                    CloseCurrentPage();
                    _api.Retry.Wait(delay, _attempt, error, _api.Log, _api.Cancellation);
                    _attempt++;
                }
            }
            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
            CloseCurrentPage();
            DropReadAhead();
        }

        /// <summary>
        /// Only a request read on this thread (one read ahead had its retries there), and only before
        /// any of its items went out.
        /// </summary>
        private bool CanRetry(LinerApiException error, out TimeSpan delay)
        {
            delay = TimeSpan.Zero;
            return (_page is null || (_page.Streamed && _page.Handed == 0))
                && _api.Retry.ShouldRetry(error, _attempt, _api.Log, out delay);
        }

        private Page OpenPage()
        {
            if (_ahead.Count > 0)
            {
                return _ahead.Dequeue().Take(_api);
            }
            var request = _api.NewRequest(_api.Log, _api.Cancellation);
            var response = Send(request, _request, _offset, _api.Log);
            return new Page(_offset, request, response, request.OpenBody(response), streamed: true, _request.ProbeOnly);
        }

        private void FinishPage(Page page)
        {
            var envelope = page.Envelope;
            var failures = page.Request.Failures;
            failures.EnsureResult(
                envelope,
                shape => shape == DataShape.List || (shape == DataShape.Page && _request.Endpoint.Paged),
                _request.Endpoint.Paged ? "a list" : "an array");
            if (!_request.ProbeOnly)
            {
                page.EnsureNothingFollows();
            }
            page.Request.LogFinished();
            _api.Log.Verbose($"Read {envelope.ElementCount:N0} {_list._mapper.ItemName}s{(envelope.Shape == DataShape.Page ? $" at offset {page.Offset:N0}" : string.Empty)}.");
            _list.Total ??= envelope.Total;
            CloseCurrentPage();
            _attempt = 1;

            var next = envelope.Next;
            var total = envelope.Total ?? _list.Total;
            if (_request.ProbeOnly || envelope.Shape != DataShape.Page || envelope.ElementCount == 0
                || next is not { } nextOffset || nextOffset <= page.Offset || (total is { } all && nextOffset >= all))
            {
                _ended = true;
                DropReadAhead();
                return;
            }

            _step = nextOffset - page.Offset;
            _offset = nextOffset;
            if (_ahead.Count > 0 && _ahead.Peek().Offset != nextOffset)
            {
                // The server pages differently than foreseen: what was read ahead is of no use.
                DropReadAhead();
            }
            if (_request.ReadAhead > 0)
            {
                ReadAhead(total);
            }
        }

        /// <summary>Starts fetching the next pages, up to the read-ahead, never past <c>total</c> (only the next one when it is unknown).</summary>
        private void ReadAhead(long? total)
        {
            var wanted = total is null ? 1 : _request.ReadAhead;
            var offset = _ahead.Count == 0 ? _offset : _ahead.Last().Offset + _step;
            while (_ahead.Count < wanted && (total is null || offset < total))
            {
                _ahead.Enqueue(new AheadPage(offset, _api, _request));
                offset += _step;
            }
        }

        private void CloseCurrentPage()
        {
            _page?.Dispose();
            _page = null;
        }

        private void DropReadAhead()
        {
            while (_ahead.Count > 0)
            {
                _ahead.Dequeue().Cancel();
            }
        }
    }

    /// <summary>
    /// Sends the request for the page at <paramref name="offset"/>: on the spelling of the path that
    /// the server answered before, else the endpoint's, then once the other spelling on a 404.
    /// </summary>
    private static System.Net.Http.HttpResponseMessage Send(ApiRequest request, ListRequest list, long offset, ApiLog log)
    {
        var endpoint = list.Endpoint;
        var answered = PathSpellings.Answered(request.Connection, endpoint);
        var path = answered ?? endpoint.Path;
        var response = request.Send(list.PageUri(path, offset));
        string? alsoTried = null;
        if ((int)response.StatusCode == 404 && answered is null && endpoint.OtherSpelling is { } other)
        {
            response.Dispose();
            alsoTried = request.Path;
            log.Verbose($"{request.Path} answered 404; trying the other spelling of the path, {other}, once.");
            path = other;
            response = request.Send(list.PageUri(path, offset));
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw request.StatusError(response, (int)response.StatusCode == 404 ? alsoTried : null);
            }
        }
        PathSpellings.Remember(request.Connection, endpoint, path);
        return response;
    }

    /// <summary>One response being read: its request (for messages), its body and envelope.</summary>
    private sealed class Page : IDisposable
    {
        private readonly System.Net.Http.HttpResponseMessage? _response;
        private readonly ResponseBody _body;

        public Page(long offset, ApiRequest request, System.Net.Http.HttpResponseMessage? response, ResponseBody body, bool streamed, bool probe)
        {
            Offset = offset;
            Request = request;
            _response = response;
            _body = body;
            Streamed = streamed;
            Envelope = new EnvelopeReader(body) { StopAfterFirstElement = probe };
        }

        public long Offset { get; }

        public ApiRequest Request { get; }

        public EnvelopeReader Envelope { get; }

        /// <summary>Read on the caller's thread as it arrives (true), or fetched whole ahead of time.</summary>
        public bool Streamed { get; }

        /// <summary>How many of this response's items went to the caller.</summary>
        public int Handed { get; private set; }

        public bool TryRead(IItemMapper<T> mapper, out T? item)
        {
            // No delegate here: this runs once per item, and a closure per item would double what a list costs in memory.
            try
            {
                var found = Envelope.TryRead(mapper, out item);
                if (found)
                {
                    Handed++;
                }
                return found;
            }
            catch (JsonException error)
            {
                throw Unreadable(error);
            }
            catch (ResponseShapeException error)
            {
                throw Invalid(error);
            }
        }

        /// <summary>Reads what follows the envelope, which must be nothing but white space.</summary>
        public void EnsureNothingFollows()
        {
            try
            {
                Envelope.EnsureNothingFollows();
            }
            catch (JsonException error)
            {
                throw Unreadable(error);
            }
            catch (ResponseShapeException error)
            {
                throw Invalid(error);
            }
        }

        private LinerApiException Unreadable(JsonException error) => Request.Failures.Unreadable(_body.Head, _body.Total, error);

        private LinerApiException Invalid(ResponseShapeException error) =>
            Request.Failures.InvalidResponse(_body.Total == 0 ? "the body is empty" : $"{error.Message} (after {_body.Total:N0} bytes)");

        public void Dispose()
        {
            _body.Dispose();
            _response?.Dispose();
        }
    }

    /// <summary>A page fetched whole on another thread, with its own retries, while earlier pages are written.</summary>
    private sealed class AheadPage
    {
        private readonly CancellationTokenSource _cancel;
        private readonly BufferedLog _log = new();
        private readonly Task<(ApiRequest Request, byte[] Body)> _fetch;

        public AheadPage(long offset, ApiContext api, ListRequest list)
        {
            Offset = offset;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(api.Cancellation);
            var token = _cancel.Token;
            _fetch = Task.Run(
                () => api.Retry.Run(
                    _ =>
                    {
                        var request = api.NewRequest(_log.Log, token);
                        using var response = Send(request, list, offset, _log.Log);
                        using var body = request.OpenBody(response);
                        var bytes = body.ReadAll(ResponseBody.MaxSize);
                        request.LogFinished();
                        return (request, bytes);
                    },
                    _log.Log,
                    token),
                token);
        }

        public long Offset { get; }

        /// <summary>Waits for the page on the caller's thread (with progress), then hands it over to be read.</summary>
        public Page Take(ApiContext api)
        {
            var reported = false;
            try
            {
                while (!((IAsyncResult)_fetch).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(750)))
                {
                    api.Log.Progress($"Waiting for the page at offset {Offset:N0} from {api.Connection.BaseUri.Authority}", 50);
                    reported = true;
                }
                var (request, body) = _fetch.GetAwaiter().GetResult();
                return new Page(Offset, request, null, ResponseBody.FromBytes(body), streamed: false, probe: false);
            }
            catch (OperationCanceledException) when (api.Cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException(api.Cancellation);
            }
            finally
            {
                _log.Replay(api.Log);
                if (reported)
                {
                    api.Log.Progress(null, 100);
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
}
