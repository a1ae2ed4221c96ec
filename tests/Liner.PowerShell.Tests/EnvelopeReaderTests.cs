using System.Text;
using System.Text.Json;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class EnvelopeReaderTests
{
    /// <summary>A body delivered as the network might: at most <paramref name="chunk"/> bytes per read.</summary>
    internal static ResponseBody Chunked(string body, int chunk, int bufferSize = 16)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var position = 0;
        return new ResponseBody(
            (buffer, offset, count) =>
            {
                var take = Math.Min(Math.Min(chunk, count), bytes.Length - position);
                Array.Copy(bytes, position, buffer, offset, take);
                position += take;
                return take;
            },
            initialSize: bufferSize);
    }

    private static (EnvelopeReader Envelope, List<VirtualNumber> Numbers) ReadAll(string body, int chunk = 7)
    {
        var envelope = new EnvelopeReader(Chunked(body, chunk));
        var numbers = new List<VirtualNumber>();
        var mapper = new VirtualNumberMapper();
        while (envelope.TryRead(mapper, out var number))
        {
            numbers.Add(number!);
        }
        envelope.EnsureNothingFollows();
        return (envelope, numbers);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(100_000)]
    public void HandsOutEveryElementWhateverTheChunkSize(int chunk)
    {
        var (envelope, numbers) = ReadAll(JsonSamples.Envelope(JsonSamples.Pstn, JsonSamples.SipReg, JsonSamples.Pstn.Replace("123", "124")), chunk);
        Assert.True(envelope.Success);
        Assert.Equal(new long[] { 123, 7, 124 }, numbers.Select(n => n.Id));
        Assert.Equal("sip.example.com", numbers[1].Params["server"]);
        Assert.Equal(DataShape.List, envelope.Shape);
        Assert.True(envelope.IsComplete);
    }

    [Fact]
    public void HandsOutAnElementBeforeTheRestOfTheBodyHasArrived()
    {
        var head = """{"success":true,"message":"","data":[""" + JsonSamples.Pstn + ",";
        var reads = 0;
        var bytes = Encoding.UTF8.GetBytes(head);
        var body = new ResponseBody((buffer, offset, count) =>
        {
            if (reads++ > 0)
            {
                throw new InvalidOperationException("the rest of the body was asked for before the first number was handed out");
            }
            Array.Copy(bytes, 0, buffer, offset, bytes.Length);
            return bytes.Length;
        });
        var envelope = new EnvelopeReader(body);
        Assert.True(envelope.TryRead(new VirtualNumberMapper(), out var number));
        Assert.Equal(123, number!.Id);
    }

    [Fact]
    public void SkipsWhatTheEarlyFilterRefusesWithoutHandingItOut()
    {
        var envelope = new EnvelopeReader(Chunked(JsonSamples.Envelope(JsonSamples.Pstn, JsonSamples.SipReg), 5));
        var mapper = new VirtualNumberMapper(n => n.IsDefault);
        Assert.True(envelope.TryRead(mapper, out var number));
        Assert.Equal(7, number!.Id);
        Assert.False(envelope.TryRead(mapper, out _));
        Assert.Equal(2, envelope.ElementCount);
    }

    [Fact]
    public void ReadsSuccessFalseAndItsMessageAndHandsOutNothingAfterIt()
    {
        var (envelope, numbers) = ReadAll("""{"success":false,"message":"Integration disabled","data":[""" + JsonSamples.Pstn + "]}");
        Assert.False(envelope.Success);
        Assert.Equal("Integration disabled", envelope.Message);
        Assert.Empty(numbers);
    }

    [Fact]
    public void KeepsDataThatIsNotAListAsRawJson()
    {
        var (envelope, _) = ReadAll("""{"success":true,"data":{"a":{"success":true}},"message":"ok"}""");
        Assert.Equal(DataShape.Other, envelope.Shape);
        Assert.Equal("""{"a":{"success":true}}""", Encoding.UTF8.GetString(envelope.DataJson!));
        Assert.Equal("ok", envelope.Message);
    }

    [Theory]
    [InlineData("""{"list":[{"id":1},{"id":2}],"next":2,"total":5}""", 2L, 5L)]
    [InlineData("""{"total":5,"next":null,"list":[{"id":1},{"id":2}]}""", null, 5L)]
    [InlineData("""{"list":[{"id":1},{"id":2}]}""", null, null)]
    public void ReadsAPageWithItsNextAndTotalInAnyOrder(string data, long? next, long? total)
    {
        var (envelope, numbers) = ReadAll("""{"success":true,"message":"","data":""" + data + "}", 3);
        Assert.Equal(DataShape.Page, envelope.Shape);
        Assert.Equal(new long[] { 1, 2 }, numbers.Select(n => n.Id));
        Assert.Equal(next, envelope.Next);
        Assert.Equal(total, envelope.Total);
    }

    [Fact]
    public void StopsAfterTheFirstElementWhenProbing()
    {
        var body = JsonSamples.Envelope(JsonSamples.Pstn) [..^2] + ",{broken";
        var envelope = new EnvelopeReader(Chunked(body, 1000)) { StopAfterFirstElement = true };
        while (envelope.TryRead(new VirtualNumberMapper(_ => false), out _))
        {
        }
        Assert.True(envelope.IsComplete);
        Assert.True(envelope.Success);
    }

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData("""{"success":true,"data":[{"id":1},""", "ended before its JSON was complete")]
    [InlineData("[1,2]", "not the {\"success\", \"message\", \"data\"} object")]
    [InlineData("""{"success":"yes","data":[]}""", "'success' is a string")]
    public void ReportsABodyThatIsNotACompleteEnvelope(string body, string says)
    {
        var error = Assert.Throws<ResponseShapeException>(() => ReadAll(body));
        Assert.Contains(says, error.Message);
    }

    [Theory]
    [InlineData("""{"success":true,"data":[]} x""")]
    [InlineData("""{"success":true,"data":[]}{"success":true,"data":[]}""")]
    public void ReportsBytesAfterTheEnvelopeOnceTheDataIsOut(string body)
    {
        var envelope = new EnvelopeReader(Chunked(body, 4));
        Assert.False(envelope.TryRead(new VirtualNumberMapper(), out _));
        var error = Assert.Throws<ResponseShapeException>(envelope.EnsureNothingFollows);
        Assert.Contains("more bytes follow", error.Message);
    }

    [Fact]
    public void RejectsHtmlAsJson() =>
        Assert.ThrowsAny<JsonException>(() => ReadAll("<html><title>Bad Gateway</title></html>"));

    [Fact]
    public void SaysWhenJsonIsNestedTooDeeply()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);
        var error = Assert.ThrowsAny<JsonException>(() => ReadAll("""{"success":true,"data":[{"id":1,"params":""" + deep + "}]}"));
        Assert.Contains("depth", error.Message);
    }

    [Fact]
    public void ReadsAnElementLargerThanTheBuffer()
    {
        var big = JsonSamples.SipReg.Replace("\"port\":5060", "\"port\":5060,\"note\":\"" + new string('x', 200_000) + "\"");
        var (_, numbers) = ReadAll(JsonSamples.Envelope(JsonSamples.Pstn, big, JsonSamples.Pstn), 4096);
        Assert.Equal(200_000, ((string)numbers[1].Params["note"]!).Length);
        Assert.Equal(3, numbers.Count);
    }

    [Fact]
    public void DescribesAnErrorBodyByLinersMessageOrTheHtmlTitle()
    {
        Assert.Equal("Liner said: Invalid API key", RequestFailures.DescribeErrorBody(Encoding.UTF8.GetBytes("""{"success":false,"message":"Invalid API key","data":null}"""), out var message));
        Assert.Equal("Invalid API key", message);
        Assert.Equal("The body is an HTML page titled 'Bad Gateway'.", RequestFailures.DescribeErrorBody(Encoding.UTF8.GetBytes("<html><head><title>Bad Gateway</title></head></html>"), out message));
        Assert.Null(message);
        Assert.Null(RequestFailures.DescribeErrorBody(Array.Empty<byte>(), out _));
    }
}
