using System;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>The JSON shape of an envelope's <c>data</c>.</summary>
internal enum DataShape
{
    /// <summary>Not seen (yet).</summary>
    None,

    /// <summary><c>data: [...]</c>, an unpaged list: its elements are streamed as they arrive.</summary>
    List,

    /// <summary><c>data: {"list": [...], "next": n, "total": n}</c>, one page of a paged list.</summary>
    Page,

    /// <summary>Any other value, kept whole in <see cref="EnvelopeReader.DataJson"/> for a mapper.</summary>
    Other,
}

/// <summary>
/// Reads Liner's <c>{"success", "message", "data"}</c> envelope from a <see cref="ResponseBody"/> as it
/// arrives and hands out the items of its list one at a time, on the caller's thread: the elements of
/// an unpaged list as soon as each has arrived, those of a page once the page (a bounded object) has.
/// The reader owns its place in the body between items, so the caller simply asks for the next one.
/// </summary>
internal sealed class EnvelopeReader
{
    /// <summary>How deeply the JSON may nest; deeper is reported as such.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    private enum Stage
    {
        Start,
        Envelope,
        List,
        Done,
    }

    private readonly ResponseBody _body;
    private JsonReaderState _state = new(Options);
    private Stage _stage = Stage.Start;

    // The page's list, read from DataJson once the whole envelope is in.
    private int _pageOffset = -1;
    private JsonReaderState _pageState;

    public EnvelopeReader(ResponseBody body)
    {
        _body = body;
    }

    /// <summary>Stop once <c>success</c> was true and the first element was read: enough to prove a key.</summary>
    public bool StopAfterFirstElement { get; init; }

    public bool? Success { get; private set; }

    public string? Message { get; private set; }

    public DataShape Shape { get; private set; }

    /// <summary>The JSON type of <c>data</c>; <see cref="JsonTokenType.None"/> when there was none.</summary>
    public JsonTokenType DataToken { get; private set; }

    /// <summary>The raw JSON of <c>data</c> when it is not an unpaged list.</summary>
    public byte[]? DataJson { get; private set; }

    /// <summary>A page's <c>next</c>: null when absent or null.</summary>
    public long? Next { get; private set; }

    /// <summary>A page's <c>total</c>, when it sent one.</summary>
    public long? Total { get; private set; }

    /// <summary>How many list elements were read, wanted or not.</summary>
    public int ElementCount { get; private set; }

    /// <summary>True once the envelope's closing brace was read (or reading stopped after the first element).</summary>
    public bool IsComplete => _stage == Stage.Done;

    /// <summary>
    /// Reads on to the next wanted item of the list: true with the item; false once the envelope is
    /// complete. Before the first item of a page, the whole envelope has been read.
    /// </summary>
    /// <exception cref="JsonException">The bytes are not JSON.</exception>
    /// <exception cref="ResponseShapeException">The JSON is not an envelope, is cut off, or an element cannot be mapped.</exception>
    public bool TryRead<T>(IItemMapper<T> mapper, out T? item)
    {
        item = default;
        while (_stage != Stage.Done)
        {
            var reader = new Utf8JsonReader(_body.Available, isFinalBlock: false, _state);
            var outcome = Advance(ref reader, mapper, out item, out var consumed, out var state);
            _body.Consume(consumed);
            _state = state;
            if (outcome == Outcome.Item)
            {
                return true;
            }
            if (outcome == Outcome.NeedMore && !_body.Fill())
            {
                throw new ResponseShapeException(_body.Total == 0 ? "the body is empty" : "the response ended before its JSON was complete");
            }
        }
        return Shape == DataShape.Page && TryReadPageElement(mapper, out item);
    }

    /// <summary>Reads what follows the envelope: only white space may.</summary>
    public void EnsureNothingFollows()
    {
        while (true)
        {
            foreach (var b in _body.Available)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    throw new ResponseShapeException("more bytes follow the end of its JSON: the response is damaged");
                }
            }
            _body.Consume(_body.Available.Length);
            if (!_body.Fill())
            {
                return;
            }
        }
    }

    private enum Outcome
    {
        /// <summary>The buffer ended inside the step; nothing of it was taken.</summary>
        NeedMore,

        /// <summary>A list element became an item.</summary>
        Item,

        /// <summary>A step was taken (a token, a property, an element that was not wanted).</summary>
        Stepped,
    }

    private Outcome Advance<T>(ref Utf8JsonReader reader, IItemMapper<T> mapper, out T? item, out int consumed, out JsonReaderState state)
    {
        item = default;
        // Everything up to the checkpoint is done with; a step that runs out of bytes starts again there.
        consumed = 0;
        state = reader.CurrentState;
        while (true)
        {
            var outcome = Step(ref reader, mapper, out item);
            if (outcome != Outcome.NeedMore)
            {
                consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
            }
            if (outcome != Outcome.Stepped || _stage == Stage.Done)
            {
                return outcome;
            }
        }
    }

    /// <summary>One step: a token of the envelope, a whole property, or one element. NeedMore leaves no trace.</summary>
    private Outcome Step<T>(ref Utf8JsonReader reader, IItemMapper<T> mapper, out T? item)
    {
        item = default;
        var start = reader;
        if (!reader.Read())
        {
            return Outcome.NeedMore;
        }
        switch (_stage)
        {
            case Stage.Start:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new ResponseShapeException($"the body is {JsonValueReader.Describe(reader.TokenType)}, not the {{\"success\", \"message\", \"data\"}} object Liner sends");
                }
                _stage = Stage.Envelope;
                return Outcome.Stepped;

            case Stage.Envelope:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _stage = Stage.Done;
                    return Outcome.Stepped;
                }
                if (!ReadEnvelopeProperty(ref reader))
                {
                    reader = start;
                    return Outcome.NeedMore;
                }
                return Outcome.Stepped;

            case Stage.List:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _stage = Stage.Envelope;
                    return Outcome.Stepped;
                }
                // Elements of a response that already said success: false are not results.
                if (Success == false)
                {
                    if (!reader.TrySkip())
                    {
                        reader = start;
                        return Outcome.NeedMore;
                    }
                    ElementCount++;
                    return Outcome.Stepped;
                }
                var element = reader;
                var result = Map(mapper, ref element, out item);
                if (result == MapResult.Incomplete)
                {
                    reader = start;
                    return Outcome.NeedMore;
                }
                reader = element;
                ElementCount++;
                if (StopAfterFirstElement && Success == true)
                {
                    _stage = Stage.Done;
                }
                return result == MapResult.Item ? Outcome.Item : Outcome.Stepped;

            default:
                return Outcome.Stepped;
        }
    }

    /// <summary>One property of the envelope, its value whole (except a list, which is streamed); false when the buffer ends first.</summary>
    private bool ReadEnvelopeProperty(ref Utf8JsonReader reader)
    {
        JsonValueReader.EnsureNameIsText(ref reader);
        var isSuccess = reader.ValueTextEquals("success"u8);
        var isMessage = !isSuccess && reader.ValueTextEquals("message"u8);
        var isData = !isSuccess && !isMessage && reader.ValueTextEquals("data"u8);
        if (!reader.Read())
        {
            return false;
        }

        if (isData && reader.TokenType == JsonTokenType.StartArray)
        {
            DataToken = JsonTokenType.StartArray;
            Shape = DataShape.List;
            _stage = Stage.List;
            return true;
        }

        var value = reader;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            return false;
        }
        if (isData)
        {
            DataToken = value.TokenType;
            DataJson = _body.Available.Slice((int)value.TokenStartIndex, (int)(reader.BytesConsumed - value.TokenStartIndex)).ToArray();
            Shape = value.TokenType == JsonTokenType.StartObject && ReadPageHeader() ? DataShape.Page : DataShape.Other;
        }
        else if (isSuccess)
        {
            Success = value.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => throw new ResponseShapeException($"'success' is {JsonValueReader.Describe(value.TokenType)} where true or false was expected"),
            };
        }
        else if (isMessage && value.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            Message = JsonValueReader.ReadString(ref value, "message");
        }
        return true;
    }

    /// <summary>Reads a page's <c>next</c> and <c>total</c> and finds its list; false when <c>data</c> has no list.</summary>
    private bool ReadPageHeader()
    {
        var reader = new Utf8JsonReader(DataJson, Options);
        reader.Read();
        var listAt = -1;
        JsonReaderState listState = default;
        while (JsonValueReader.NextProperty(ref reader))
        {
            var isList = reader.ValueTextEquals("list"u8);
            var isNext = !isList && reader.ValueTextEquals("next"u8);
            var isTotal = !isList && !isNext && reader.ValueTextEquals("total"u8);
            JsonValueReader.Next(ref reader);
            if (isList && reader.TokenType == JsonTokenType.StartArray)
            {
                listAt = (int)reader.BytesConsumed;
                listState = reader.CurrentState;
            }
            else if (isNext)
            {
                Next = JsonValueReader.ReadNullableInt64(ref reader, "data.next");
            }
            else if (isTotal)
            {
                Total = JsonValueReader.ReadNullableInt64(ref reader, "data.total");
            }
            reader.Skip();
        }
        _pageOffset = listAt;
        _pageState = listState;
        return listAt >= 0;
    }

    /// <summary>The page's next wanted element, from the whole page in <see cref="DataJson"/>.</summary>
    private bool TryReadPageElement<T>(IItemMapper<T> mapper, out T? item)
    {
        item = default;
        if (Success == false)
        {
            return false;
        }
        while (_pageOffset >= 0)
        {
            var reader = new Utf8JsonReader(DataJson.AsSpan(_pageOffset), isFinalBlock: true, _pageState);
            JsonValueReader.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                _pageOffset = -1;
                return false;
            }
            var result = Map(mapper, ref reader, out item);
            if (result == MapResult.Incomplete)
            {
                throw new ResponseShapeException($"{mapper.ItemName} {ElementCount + 1} of the page ends before its JSON is complete");
            }
            _pageOffset += (int)reader.BytesConsumed;
            _pageState = reader.CurrentState;
            ElementCount++;
            if (result == MapResult.Item)
            {
                return true;
            }
        }
        return false;
    }

    private MapResult Map<T>(IItemMapper<T> mapper, ref Utf8JsonReader reader, out T? item)
    {
        var depth = reader.CurrentDepth;
        var startsContainer = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        MapResult result;
        try
        {
            result = mapper.Map(ref reader, out item);
        }
        catch (ResponseShapeException error)
        {
            throw new ResponseShapeException($"{mapper.ItemName} {ElementCount + 1} of 'data' cannot be read: {error.Message}");
        }
        if (result != MapResult.Incomplete && (reader.CurrentDepth != depth || (startsContainer && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))))
        {
            throw new InvalidOperationException($"The {mapper.ItemName} mapper did not read the whole element.");
        }
        return result;
    }
}
