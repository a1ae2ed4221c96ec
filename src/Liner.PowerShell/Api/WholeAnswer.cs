using System;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// A response read whole (one item, the health check, the answer to a write): its head, its bytes, and
/// its envelope, parsed once. What to make of it is the caller's; how each failure reads is here.
/// </summary>
internal sealed class WholeAnswer
{
    private readonly Exception? _unreadable;
    private readonly ResponseBody _body;

    public WholeAnswer(HttpExchange exchange, byte[] bytes)
    {
        Exchange = exchange;
        Head = exchange.Head!;
        Bytes = bytes;
        _body = ResponseBody.FromBytes(bytes);
        Envelope = new EnvelopeReader(_body);
        try
        {
            while (Envelope.TryRead(NoItems.Instance, out _))
            {
            }
            Envelope.EnsureNothingFollows();
        }
        catch (Exception error) when (error is JsonException or ResponseShapeException)
        {
            _unreadable = error;
        }
    }

    public HttpExchange Exchange { get; }

    public ResponseHead Head { get; }

    public byte[] Bytes { get; }

    public EnvelopeReader Envelope { get; }

    /// <summary>True when the body is a whole envelope of Liner's.</summary>
    public bool IsEnvelope => _unreadable is null && Envelope.Success is not null;

    /// <summary>Throws the error for a non-2xx status, with what the body says.</summary>
    public void EnsureSuccessStatus()
    {
        if (!Head.IsSuccess)
        {
            throw Exchange.Failures.StatusError(Head, Bytes);
        }
    }

    /// <summary>Throws when the body is not a whole envelope, or is <c>success: false</c>, or its <c>data</c> is not what <paramref name="acceptable"/> takes.</summary>
    public void EnsureResult(Func<DataShape, bool> acceptable, string expected)
    {
        if (_unreadable is not null)
        {
            throw Exchange.Failures.Unreadable(_unreadable, _body);
        }
        Exchange.Failures.EnsureResult(Envelope, acceptable, expected);
    }

    /// <summary>The whole <c>data</c> object as one item.</summary>
    public T Map<T>(IItemMapper<T> mapper)
    {
        EnsureResult(shape => shape == DataShape.Other && Envelope.DataToken == JsonTokenType.StartObject, "an object");
        try
        {
            var reader = new Utf8JsonReader(Envelope.DataJson);
            reader.Read();
            mapper.Map(ref reader, out var item);
            return item!;
        }
        catch (ResponseShapeException error)
        {
            throw Exchange.Failures.InvalidResponse($"the {mapper.ItemName} cannot be read: {error.Message}");
        }
    }

    /// <summary>For envelopes whose data is not a list: any list element is skipped.</summary>
    private sealed class NoItems : IItemMapper<object>
    {
        public static readonly NoItems Instance = new();

        public string ItemName => "element";

        public MapResult Map(ref Utf8JsonReader reader, out object? item)
        {
            item = null;
            return reader.TrySkip() ? MapResult.Skipped : MapResult.Incomplete;
        }
    }
}
