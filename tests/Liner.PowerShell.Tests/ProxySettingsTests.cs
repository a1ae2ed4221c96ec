using System.Net;
using System.Security;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class ProxySettingsTests
{
    [Theory]
    [InlineData("http://proxy.example.com:3128", "http://proxy.example.com:3128/")]
    [InlineData("proxy.example.com:3128", "http://proxy.example.com:3128/")]
    [InlineData(" https://proxy.example.com ", "https://proxy.example.com/")]
    [InlineData("socks5://127.0.0.1:1080", "socks5://127.0.0.1:1080/")]
    public void AcceptsProxyAddresses(string text, string expected) =>
        Assert.Equal(expected, ProxySettings.ParseAddress(text).AbsoluteUri);

    [Theory]
    [InlineData("ftp://proxy.example.com:21", "scheme 'ftp'")]
    [InlineData("http://proxy.example.com:3128/path", "path, query or fragment")]
    [InlineData("http://proxy.example.com:3128/?a=1", "path, query or fragment")]
    [InlineData("http://", "is not a proxy address")]
    public void RefusesWhatIsNotAProxyAddress(string text, string says) =>
        Assert.Contains(says, Assert.Throws<ArgumentException>(() => ProxySettings.ParseAddress(text)).Message);

    [Fact]
    public void NeverRepeatsAPasswordGivenInTheAddress()
    {
        var error = Assert.Throws<ArgumentException>(() => ProxySettings.ParseAddress("http://alice:s3cret-pw@proxy.example.com:3128"));
        Assert.DoesNotContain("s3cret-pw", error.Message);
        Assert.Contains("proxy.example.com:3128", error.Message);
    }

    [Theory]
    [InlineData("http://p:1", "u", false, true)]
    [InlineData(null, "u", false, true)]
    [InlineData(null, null, true, true)]
    [InlineData("http://p:1", "u", true, false)]
    public void RefusesContradictions(string? proxy, string? user, bool defaultCredentials, bool noProxy) =>
        Assert.Throws<ArgumentException>(() => ProxySettings.Create(proxy, user, Password(), defaultCredentials, noProxy));

    [Fact]
    public void NoProxyGoesStraightThere()
    {
        var settings = ProxySettings.Create(null, null, null, false, noProxy: true);
        Assert.True(settings.IsNone);
        Assert.Null(settings.ProxyFor(new Uri("https://liner.example.com/")));
    }

    [Fact]
    public void AGivenProxyIsUsedForEveryHostWithItsCredential()
    {
        var settings = ProxySettings.Create("proxy.example.com:3128", "alice", Password(), false, false);
        Assert.Equal("http://proxy.example.com:3128/", settings.ProxyFor(new Uri("https://liner.example.com/"))!.AbsoluteUri);
        Assert.Equal("http://proxy.example.com:3128/", settings.ProxyFor(new Uri("https://127.0.0.1:8443/"))!.AbsoluteUri);
        Assert.Equal("alice", settings.Credential!.UserName);
        Assert.Equal("pw", settings.Credential.Password);

        using var handler = new HttpClientHandler();
        settings.Apply(handler);
        Assert.True(handler.UseProxy);
        var proxy = Assert.IsType<WebProxy>(handler.Proxy);
        Assert.False(proxy.BypassProxyOnLocal);
        Assert.Same(settings.Credential, proxy.Credentials);
    }

    [Fact]
    public void ThePlatformsProxyIsTheHandlersOwn()
    {
        using var handler = new HttpClientHandler();
        ProxySettings.Platform.Apply(handler);
        Assert.True(handler.UseProxy);
        Assert.Null(handler.Proxy);
    }

    private static SecureString Password()
    {
        var password = new SecureString();
        password.AppendChar('p');
        password.AppendChar('w');
        return password;
    }
}
