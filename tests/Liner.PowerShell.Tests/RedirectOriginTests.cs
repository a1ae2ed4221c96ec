using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class RedirectOriginTests
{
    [Theory]
    [InlineData("https://liner.example.com/v2/sip-endpoints/", "https://liner.example.com/api/v2/sip-endpoints/", true)]
    [InlineData("https://liner.example.com/v2/", "https://LINER.example.com:443/v2/", true)]
    [InlineData("https://liner.example.com/v2/", "http://liner.example.com/v2/", false)]
    [InlineData("http://127.0.0.1:5000/v2/", "https://127.0.0.1:5000/v2/", false)]
    [InlineData("https://liner.example.com/v2/", "https://liner.example.com:8443/v2/", false)]
    [InlineData("https://liner.example.com/v2/", "https://evil.example.com/v2/", false)]
    [InlineData("https://liner.example.com/v2/", "https://liner.example.com.evil.example/v2/", false)]
    public void TheKeyFollowsARedirectOnlyWithinTheSameSchemeHostAndPort(string from, string to, bool same) =>
        Assert.Equal(same, HttpExchange.IsSameOrigin(new Uri(from), new Uri(to)));
}
