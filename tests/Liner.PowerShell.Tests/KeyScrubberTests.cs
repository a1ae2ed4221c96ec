using System.Net;
using System.Security;
using System.Text;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

/// <summary>
/// "Whatever the server sends back is shown with the key replaced by ****" (README, "The key"): the
/// body however the network splits it, the key as JSON escapes it, and the status line and headers.
/// The mock's echoing scenarios cover none of these: its key has no slash, its answers arrive in
/// large reads, and Kestrel writes the standard reason phrase.
/// </summary>
public class KeyScrubberTests
{
    private const string Key = "liner-echo-key-0123456789";

    private static LinerConnection Connect(string key)
    {
        var secure = new SecureString();
        foreach (var c in key)
        {
            secure.AppendChar(c);
        }
        return new LinerConnection(new Uri("https://liner.example.com/"), secure, 15, 3);
    }

    /// <summary>The body as the module reads it: at most <paramref name="chunk"/> bytes per read, scrubbed as it arrives.</summary>
    private static byte[] ReadThrough(string body, int chunk, LinerConnection connection)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var position = 0;
        using var reader = new ResponseBody(
            (buffer, offset, count) =>
            {
                var take = Math.Min(Math.Min(chunk, count), bytes.Length - position);
                Array.Copy(bytes, position, buffer, offset, take);
                position += take;
                return take;
            },
            new KeyScrubber(connection),
            initialSize: 16);
        return reader.ReadAll(1 << 20);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(16)]
    public void TakesOutAKeySplitBetweenTwoReadsWhereverTheSplitFalls(int chunk)
    {
        using var connection = Connect(Key);
        for (var lead = 0; lead <= chunk; lead++)
        {
            var body = $"{{\"success\":false,\"message\":\"{new string('x', lead)}Invalid API key '{Key}', again {Key}\",\"data\":null}}";
            var read = Encoding.UTF8.GetString(ReadThrough(body, chunk, connection));
            Assert.DoesNotContain(Key, read);
            Assert.EndsWith("Invalid API key '****', again ****\",\"data\":null}", read);
        }
    }

    [Fact]
    public void TakesOutAKeyWithASlashAsJsonEscapesIt()
    {
        // PHP's json_encode writes / as \/ unless told otherwise; the message read from it has the slash back.
        const string key = "abc/def/0123456789";
        using var connection = Connect(key);
        var body = "{\"success\":false,\"message\":\"Invalid API key 'abc\\/def\\/0123456789'\",\"data\":null}";
        var described = RequestFailures.DescribeErrorBody(ReadThrough(body, 4096, connection), out var message);
        Assert.Equal("Invalid API key '****'", message);
        Assert.DoesNotContain(key, described);
    }

    [Fact]
    public void TakesTheKeyOutOfTheStatusLineAndTheHeadersShown()
    {
        using var connection = Connect(Key);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            ReasonPhrase = $"Unavailable for {Key}",
            Content = new ByteArrayContent(Array.Empty<byte>()),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; echo={Key}");
        response.Headers.Location = new Uri($"https://liner.example.com/v2/sip-endpoints/?echo={Key}");
        var head = new ResponseHead(response, new KeyScrubber(connection));
        Assert.Equal("Unavailable for ****", head.Reason);
        Assert.Equal("application/json; echo=****", head.ContentType);
        Assert.DoesNotContain(Key, head.Location!.OriginalString);
        Assert.DoesNotContain(Key, head.Describe());
    }
}
