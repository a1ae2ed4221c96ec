using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Liner.PowerShell.Api;

/// <summary>
/// A list of the Liner API as a lazy sequence that the cmdlet pulls from: one request when the list
/// is unpaged, one per page when it is paged. Nothing is requested before the first item is asked
/// for, and no page before the consumer gets near it.
/// </summary>
/// <remarks>
/// <para>The first response is streamed on the caller's thread, so its first item is written while
/// the rest is still arriving. Later pages (bounded in size) are fetched ahead on other threads
/// (<see cref="ReadAhead{T}"/>), at most <see cref="ListRequest.ReadAhead"/> at a time, and handed out
/// in order.</para>
/// <para>A request is tried again (per <see cref="RetryPolicy"/>) only until its first item has been
/// read, so nothing is written twice; a page that fails after that ends the sequence with its error.
/// The list ends on an empty page, a <c>next</c> that is null, absent or does not move forward, or an
/// offset that reaches <c>total</c>.</para>
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

    /// <summary>
    /// Sends the request for the page at <paramref name="offset"/> on the route the server answered
    /// before, else on the endpoint's routes in turn, each once, while they answer 404.
    /// </summary>
    internal static (HttpResponseMessage Response, Route Route) Send(HttpExchange exchange, ListRequest list, long offset)
    {
        var endpoint = list.Endpoint;
        var known = ServerPaths.Answered(exchange.Connection, endpoint);
        var routes = known is null ? endpoint.Routes : new[] { known };
        string? tried = null;
        for (var i = 0; ; i++)
        {
            var route = routes[i];
            var response = exchange.Send(list.PageUri(route, offset));
            if (response.IsSuccessStatusCode)
            {
                ServerPaths.Remember(exchange.Connection, endpoint, route);
                return (response, route);
            }
            if ((int)response.StatusCode != 404 || i + 1 >= routes.Count)
            {
                using (response)
                {
                    throw exchange.StatusError(response, (int)response.StatusCode == 404 ? tried : null);
                }
            }
            response.Dispose();
            tried = exchange.Path;
            exchange.Streams.Verbose($"{exchange.Path} answered 404; trying {routes[i + 1].Path} once: {routes[i + 1].Why}.");
        }
    }

    private sealed class Reader : IEnumerator<T>
    {
        private readonly ListSequence<T> _list;
        private readonly ApiContext _api;
        private readonly ListRequest _request;
        private readonly Queue<ReadAhead<T>> _ahead = new();
        private ListPage<T>? _page;
        private long _offset;
        private long _step;
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
                if (_page is null)
                {
                    _page = _ahead.Count > 0 ? _ahead.Dequeue().Take(_api) : Open();
                    // A page arrives whole before its first item: its total is known from the start.
                    _list.Total ??= _page.Envelope.Total;
                }
                if (_page.TryRead(_list._mapper, out var item))
                {
                    Current = item!;
                    return true;
                }
                FinishPage(_page);
            }
            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
            CloseCurrentPage();
            DropReadAhead();
        }

        /// <summary>Opens the page at the current offset on this thread, tried again as the policy says until its first item is read.</summary>
        private ListPage<T> Open() => _api.Retry.Run(
            RequestKind.Read,
            _ =>
            {
                var exchange = _api.NewExchange(HttpMethod.Get);
                var (response, route) = Send(exchange, _request, _offset);
                var page = new ListPage<T>(_offset, route, exchange, response, exchange.OpenBody(response), streamed: true, _request.ProbeOnly);
                try
                {
                    page.ReadFirst(_list._mapper);
                    return page;
                }
                catch
                {
                    page.Dispose();
                    throw;
                }
            },
            _api.Streams,
            _api.Cancellation);

        private void FinishPage(ListPage<T> page)
        {
            var envelope = page.Envelope;
            var paged = page.Route.Paged;
            page.Exchange.Failures.EnsureResult(
                envelope,
                shape => shape == DataShape.List || (shape == DataShape.Page && paged),
                paged ? "a list" : "an array");
            if (!_request.ProbeOnly)
            {
                page.EnsureNothingFollows();
            }
            page.Exchange.LogFinished();
            _api.Streams.Verbose($"Read {envelope.ElementCount:N0} {_list._mapper.ItemName}s{(envelope.Shape == DataShape.Page ? $" at offset {page.Offset:N0}" : string.Empty)}.");
            _list.Total ??= envelope.Total;
            CloseCurrentPage();

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
                StartReadAhead(total);
            }
        }

        /// <summary>Starts fetching the next pages, up to the read-ahead, never past <c>total</c> (only the next one when it is unknown).</summary>
        private void StartReadAhead(long? total)
        {
            var wanted = total is null ? 1 : _request.ReadAhead;
            var offset = _ahead.Count == 0 ? _offset : _ahead.Last().Offset + _step;
            while (_ahead.Count < wanted && (total is null || offset < total))
            {
                _ahead.Enqueue(new ReadAhead<T>(offset, _api, _request));
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
}
