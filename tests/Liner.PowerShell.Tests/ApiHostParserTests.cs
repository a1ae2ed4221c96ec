using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class ApiHostParserTests
{
    [Theory]
    [InlineData("liner.example.com", false, "https://liner.example.com/")]
    [InlineData("  liner.example.com  ", false, "https://liner.example.com/")]
    [InlineData("liner.example.com:8443", false, "https://liner.example.com:8443/")]
    [InlineData("https://liner.example.com:8443/gateway/liner/", false, "https://liner.example.com:8443/gateway/liner/")]
    [InlineData("https://liner.example.com/api", false, "https://liner.example.com/api/")]
    [InlineData("HTTPS://Liner.Example.com", false, "https://liner.example.com/")]
    [InlineData("http://localhost:5000", false, "http://localhost:5000/")]
    [InlineData("http://127.0.0.5:5000/p", false, "http://127.0.0.5:5000/p/")]
    [InlineData("http://[::1]:5000", false, "http://[::1]:5000/")]
    [InlineData("http://liner.internal", true, "http://liner.internal/")]
    public void NormalizesToABaseWithItsPortAndPrefix(string input, bool allowUnencrypted, string expected) =>
        Assert.Equal(expected, ApiHostParser.Parse(input, allowUnencrypted).AbsoluteUri);

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("ftp://liner.example.com", "scheme")]
    [InlineData("liner example.com", "space")]
    [InlineData("https://liner.example.com/?x=1", "query")]
    [InlineData("https://liner.example.com/#top", "query")]
    [InlineData("https://me:pw@liner.example.com", "user name")]
    [InlineData("http://liner.example.com", "AllowUnencryptedConnection")]
    [InlineData("http://10.0.0.1", "AllowUnencryptedConnection")]
    public void RejectsWithAMessageThatSaysWhatIsAccepted(string? input, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiHostParser.Parse(input, allowUnencrypted: false));
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RelativeApiPathsKeepThePrefix() =>
        Assert.Equal("https://h.example/gw/v2/sip-endpoints/", new Uri(ApiHostParser.Parse("https://h.example/gw", false), Endpoint.Of<VirtualNumber>().List.Path).AbsoluteUri);
}
