using System;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Called for each element of a streamed <c>data</c> array, with the reader on the element's first
/// token. It must leave the reader on the element's last token, and may throw
/// <see cref="IncompleteJsonException"/> (before doing anything else) when the buffer ends inside the
/// element: it is then called again for the same element once more bytes have arrived.
/// </summary>
internal delegate void JsonElementHandler(ref Utf8JsonReader reader, int index);

/// <summary>
/// Reads Liner's <c>{"success", "message", "data"}</c> envelope incrementally, buffer by buffer, as
/// the response arrives. When <c>data</c> is an array and a handler is given, each element is handed
/// over as soon as it has arrived (the handler maps it straight from the buffer and says when the
/// buffer ends inside it); any other <c>data</c> is kept as raw JSON for a mapper.
/// </summary>
internal sealed class EnvelopeParser
{
    private enum Stage
    {
        Start,
        Properties,
        DataArray,
        Done,
    }

    private readonly JsonElementHandler? _onElement;
    private JsonReaderState _state = new(new JsonReaderOptions());
    private Stage _stage = Stage.Start;

    public EnvelopeParser(JsonElementHandler? onElement)
    {
        _onElement = onElement;
    }

    public bool? Success { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The JSON type of <c>data</c>; <see cref="JsonTokenType.None"/> while it has not been seen.</summary>
    public JsonTokenType DataToken { get; private set; }

    /// <summary>The raw JSON of <c>data</c>, when it was not streamed to the element handler.</summary>
    public byte[]? DataJson { get; private set; }

    /// <summary>How many array elements went to the handler.</summary>
    public int ElementCount { get; private set; }

    public bool IsComplete => _stage == Stage.Done;

    /// <summary>Stop once the first element was handed over and <c>success</c> was true: enough to prove a key.</summary>
    public bool StopAfterFirstElement { get; init; }

    /// <summary>
    /// Parses what it can of <paramref name="buffer"/> and returns how many bytes it used; the caller
    /// keeps the rest and offers it again with more bytes behind it.
    /// </summary>
    /// <exception cref="JsonException">The bytes are not JSON.</exception>
    /// <exception cref="ResponseShapeException">The JSON is not a Liner envelope, or is cut off.</exception>
    public int Feed(ReadOnlySpan<byte> buffer, bool isFinalBlock)
    {
        // Never told that the block is final: the envelope ends with '}', so a body that ends early
        // shows as "needs more bytes" below instead of as a generic syntax error.
        var reader = new Utf8JsonReader(buffer, isFinalBlock: false, _state);
        while (_stage != Stage.Done)
        {
            var checkpointState = reader.CurrentState;
            var checkpoint = reader.BytesConsumed;
            if (!Step(ref reader, buffer))
            {
                if (isFinalBlock)
                {
                    throw new ResponseShapeException("the response ended before its JSON was complete");
                }
                _state = checkpointState;
                return (int)checkpoint;
            }
        }
        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Takes one step; false when the buffer ends before the step's token or value does.</summary>
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> buffer)
    {
        if (!reader.Read())
        {
            return false;
        }
        switch (_stage)
        {
            case Stage.Start:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new ResponseShapeException($"the body is {JsonValueReader.Describe(reader.TokenType)}, not the {{\"success\", \"message\", \"data\"}} object Liner sends");
                }
                _stage = Stage.Properties;
                return true;

            case Stage.Properties:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _stage = Stage.Done;
                    return true;
                }
                return ReadProperty(ref reader, buffer);

            case Stage.DataArray:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _stage = Stage.Properties;
                    return true;
                }
                // Elements of a response that already said success: false are not results.
                if (Success == false)
                {
                    return reader.TrySkip() && Counted();
                }
                // Mapped straight from the buffer, without scanning it first to see that it is all there:
                // when it is not, the handler says so and the element is mapped again with more bytes.
                var element = reader;
                try
                {
                    _onElement!(ref element, ElementCount);
                }
                catch (IncompleteJsonException)
                {
                    return false;
                }
                if (element.CurrentDepth != reader.CurrentDepth || (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && element.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray)))
                {
                    throw new InvalidOperationException("The element handler did not read the whole element.");
                }
                reader = element;
                Counted();
                if (StopAfterFirstElement && Success == true)
                {
                    _stage = Stage.Done;
                }
                return true;

            default:
                return true;
        }
    }

    private bool Counted()
    {
        ElementCount++;
        return true;
    }

    private bool ReadProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> buffer)
    {
        var isSuccess = reader.ValueTextEquals("success"u8);
        var isMessage = !isSuccess && reader.ValueTextEquals("message"u8);
        var isData = !isSuccess && !isMessage && reader.ValueTextEquals("data"u8);
        if (!reader.Read())
        {
            return false;
        }

        if (isData)
        {
            DataToken = reader.TokenType;
            if (reader.TokenType == JsonTokenType.StartArray && _onElement is not null)
            {
                _stage = Stage.DataArray;
                return true;
            }
            var start = (int)reader.TokenStartIndex;
            if (!reader.TrySkip())
            {
                return false;
            }
            DataJson = buffer.Slice(start, (int)reader.BytesConsumed - start).ToArray();
            return true;
        }

        var valueReader = reader;
        if (!reader.TrySkip())
        {
            return false;
        }
        if (isSuccess)
        {
            Success = valueReader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => throw new ResponseShapeException($"'success' is {JsonValueReader.Describe(valueReader.TokenType)} where true or false was expected"),
            };
        }
        else if (isMessage && valueReader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            Message = JsonValueReader.ReadString(ref valueReader, "message");
        }
        return true;
    }
}
