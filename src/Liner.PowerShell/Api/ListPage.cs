using System;
using System.Net.Http;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// One response of a list being read: its exchange (for messages), its body and envelope, and the
/// items taken from it. Whatever the parser meets becomes the error a person reads.
/// </summary>
internal sealed class ListPage<T> : IDisposable
{
    private readonly HttpResponseMessage? _response;
    private readonly ResponseBody _body;
    private bool _hasPending;
    private T? _pending;

    public ListPage(long offset, Route route, HttpExchange exchange, HttpResponseMessage? response, ResponseBody body, bool streamed, bool probe)
    {
        Offset = offset;
        Route = route;
        Exchange = exchange;
        _response = response;
        _body = body;
        Streamed = streamed;
        Envelope = new EnvelopeReader(body) { StopAfterFirstElement = probe };
    }

    public long Offset { get; }

    /// <summary>The route the page was read from.</summary>
    public Route Route { get; }

    public HttpExchange Exchange { get; }

    public EnvelopeReader Envelope { get; }

    /// <summary>Read on the caller's thread as it arrives (true), or fetched whole ahead of time.</summary>
    public bool Streamed { get; }

    /// <summary>Reads as far as the first item (or the end of the list), so that a failure before any item is known while the request may still be tried again.</summary>
    public void ReadFirst(IItemMapper<T> mapper)
    {
        _hasPending = TryReadNext(mapper, out _pending);
    }

    public bool TryRead(IItemMapper<T> mapper, out T? item)
    {
        if (_hasPending)
        {
            _hasPending = false;
            item = _pending;
            _pending = default;
            return true;
        }
        return TryReadNext(mapper, out item);
    }

    /// <summary>Reads what follows the envelope, which must be nothing but white space.</summary>
    public void EnsureNothingFollows()
    {
        try
        {
            Envelope.EnsureNothingFollows();
        }
        catch (Exception error) when (error is JsonException or ResponseShapeException)
        {
            throw Exchange.Failures.Unreadable(error, _body);
        }
    }

    private bool TryReadNext(IItemMapper<T> mapper, out T? item)
    {
        // No delegate here: this runs once per item, and a closure per item would double what a list costs in memory.
        try
        {
            return Envelope.TryRead(mapper, out item);
        }
        catch (Exception error) when (error is JsonException or ResponseShapeException)
        {
            throw Exchange.Failures.Unreadable(error, _body);
        }
    }

    public void Dispose()
    {
        _body.Dispose();
        _response?.Dispose();
    }
}
