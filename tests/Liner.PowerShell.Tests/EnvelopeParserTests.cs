using System.Text;
using System.Text.Json;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class EnvelopeParserTests
{
    /// <summary>Feeds the body as the network might deliver it: in chunks of the given size.</summary>
    private static (EnvelopeParser Parser, List<VirtualNumber> Numbers) Parse(string body, int chunk)
    {
        var numbers = new List<VirtualNumber>();
        var parser = new EnvelopeParser((ref Utf8JsonReader reader, int index) => numbers.Add(VirtualNumberReader.Read(ref reader)));
        var bytes = Encoding.UTF8.GetBytes(body);
        var buffer = new List<byte>();
        var offset = 0;
        while (!parser.IsComplete)
        {
            var take = Math.Min(chunk, bytes.Length - offset);
            buffer.AddRange(bytes.AsSpan(offset, take).ToArray());
            offset += take;
            var consumed = parser.Feed(buffer.ToArray(), isFinalBlock: take == 0);
            buffer.RemoveRange(0, consumed);
        }
        return (parser, numbers);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(100_000)]
    public void StreamsEveryElementWhateverTheChunkSize(int chunk)
    {
        var body = JsonSamples.Envelope(JsonSamples.Pstn, JsonSamples.SipReg, JsonSamples.Pstn.Replace("123", "124"));
        var (parser, numbers) = Parse(body, chunk);
        Assert.True(parser.Success);
        Assert.Equal(new long[] { 123, 7, 124 }, numbers.Select(n => n.Id));
        Assert.Equal(3, parser.ElementCount);
        Assert.Equal(JsonTokenType.StartArray, parser.DataToken);
    }

    [Fact]
    public void HandsOverEachElementBeforeTheRestOfTheBodyArrives()
    {
        var seen = 0;
        var parser = new EnvelopeParser((ref Utf8JsonReader reader, int index) =>
        {
            VirtualNumberReader.Read(ref reader);
            seen++;
        });
        var head = Encoding.UTF8.GetBytes("""{"success":true,"message":"","data":[""" + JsonSamples.Pstn + ",");
        parser.Feed(head, isFinalBlock: false);
        Assert.Equal(1, seen);
        Assert.False(parser.IsComplete);
    }

    [Fact]
    public void MapsAnElementCutByTheBufferOnceWithoutAPartialResult()
    {
        var body = JsonSamples.Envelope(JsonSamples.SipReg, JsonSamples.Pstn);
        var cut = body.IndexOf("sip.example.com", StringComparison.Ordinal);
        var delivered = new List<VirtualNumber>();
        var attempts = 0;
        var parser = new EnvelopeParser((ref Utf8JsonReader reader, int index) =>
        {
            attempts++;
            delivered.Add(VirtualNumberReader.Read(ref reader));
        });
        var bytes = Encoding.UTF8.GetBytes(body);
        var consumed = parser.Feed(bytes.AsSpan(0, cut), isFinalBlock: false);
        Assert.Empty(delivered);
        Assert.Equal(1, attempts);
        parser.Feed(bytes.AsSpan(consumed), isFinalBlock: true);
        Assert.Equal(new long[] { 7, 123 }, delivered.Select(n => n.Id));
        Assert.Equal("sip.example.com", delivered[0].Params["server"]);
        Assert.True(parser.IsComplete);
    }

    [Fact]
    public void RefusesAHandlerThatLeavesPartOfItsElement()
    {
        var parser = new EnvelopeParser((ref Utf8JsonReader reader, int index) => { });
        Assert.Throws<InvalidOperationException>(() => parser.Feed(Encoding.UTF8.GetBytes(JsonSamples.Envelope(JsonSamples.Pstn)), isFinalBlock: true));
    }

    [Fact]
    public void ReadsSuccessFalseAndItsMessageAndDeliversNoElementsAfterIt()
    {
        var (parser, numbers) = Parse("""{"success":false,"message":"Integration disabled","data":[""" + JsonSamples.Pstn + "]}", 5);
        Assert.False(parser.Success);
        Assert.Equal("Integration disabled", parser.Message);
        Assert.Empty(numbers);
    }

    [Fact]
    public void KeepsNonArrayDataAsRawJson()
    {
        var parser = new EnvelopeParser(null);
        parser.Feed(Encoding.UTF8.GetBytes("""{"success":true,"data":{"a":{"success":true}},"message":"ok"}"""), isFinalBlock: true);
        Assert.Equal(JsonTokenType.StartObject, parser.DataToken);
        Assert.Equal("""{"a":{"success":true}}""", Encoding.UTF8.GetString(parser.DataJson!));
        Assert.Equal("ok", parser.Message);
    }

    [Fact]
    public void ReportsABodyCutOffMidArray()
    {
        var body = JsonSamples.Envelope(JsonSamples.Pstn, JsonSamples.SipReg);
        var error = Assert.ThrowsAny<Exception>(() => Parse(body[..(body.Length / 2)], 16));
        Assert.True(error is ResponseShapeException or JsonException, error.GetType().Name);
    }

    [Fact]
    public void RejectsHtmlAsJson()
    {
        var parser = new EnvelopeParser(null);
        Assert.ThrowsAny<JsonException>(() => parser.Feed(Encoding.UTF8.GetBytes("<html><title>Bad Gateway</title></html>"), isFinalBlock: true));
    }

    [Fact]
    public void RejectsJsonThatIsNotAnEnvelope()
    {
        var parser = new EnvelopeParser(null);
        var error = Assert.Throws<ResponseShapeException>(() => parser.Feed(Encoding.UTF8.GetBytes("[1,2]"), isFinalBlock: true));
        Assert.Contains("success", error.Message);
    }

    [Fact]
    public void RejectsASuccessFlagThatIsNotABoolean()
    {
        var parser = new EnvelopeParser(null);
        Assert.Throws<ResponseShapeException>(() => parser.Feed(Encoding.UTF8.GetBytes("""{"success":"yes","data":[]}"""), isFinalBlock: true));
    }

    [Fact]
    public void DescribesAnErrorBodyByLinersMessageOrTheHtmlTitle()
    {
        Assert.Equal("Liner said: Invalid API key", HttpExchange.DescribeErrorBody(Encoding.UTF8.GetBytes("""{"success":false,"message":"Invalid API key","data":null}"""), out var message));
        Assert.Equal("Invalid API key", message);
        Assert.Equal("The body is an HTML page titled 'Bad Gateway'.", HttpExchange.DescribeErrorBody(Encoding.UTF8.GetBytes("<html><head><title>Bad Gateway</title></head></html>"), out message));
        Assert.Null(message);
        Assert.Null(HttpExchange.DescribeErrorBody(Array.Empty<byte>(), out _));
    }
}
