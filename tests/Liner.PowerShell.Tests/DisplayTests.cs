using Liner.PowerShell.Formatting;
using Xunit;

namespace Liner.PowerShell.Tests;

public class DisplayTests
{
    private static VirtualNumber WithParams(params (string Key, object? Value)[] parameters)
    {
        var number = new VirtualNumber { Id = 1, ConnectionType = "sip-reg" };
        foreach (var (key, value) in parameters)
        {
            number.Params[key] = value;
        }
        return number;
    }

    [Fact]
    public void NumberIsThePhoneForPstn() =>
        Assert.Equal("+79001234567", VirtualNumberDisplay.Number(WithParams(("phone", "+79001234567"))));

    [Fact]
    public void NumberIsAShortSipSummary()
    {
        Assert.Equal("sip1001@sip.example.com:5060", VirtualNumberDisplay.Number(WithParams(("login", "sip1001"), ("password", "pw"), ("server", "sip.example.com"), ("port", 5060L))));
        Assert.Equal("203.0.113.10:5060", VirtualNumberDisplay.Number(WithParams(("ip", "203.0.113.10"), ("port", 5060L))));
    }

    [Fact]
    public void NumberNeverShowsAValueWhoseKeyLooksSecret()
    {
        var text = VirtualNumberDisplay.Number(WithParams(("trunk", "main"), ("secret", "s1"), ("apiKey", "k1"), ("authToken", "t1"), ("sipPassword", "p1")));
        Assert.Equal("trunk=main", text);
    }

    [Fact]
    public void ParamsToStringMasksSecretsAndKeepsOrder()
    {
        var number = WithParams(("login", "u"), ("password", "p@ss"), ("port", 5060L), ("enabled", true));
        Assert.Equal("login=u; password=***; port=5060; enabled=true", number.Params.ToString());
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("SipPassword", true)]
    [InlineData("secret", true)]
    [InlineData("token", true)]
    [InlineData("apikey", true)]
    [InlineData("login", false)]
    [InlineData("server", false)]
    public void SensitiveKeysAreRecognised(string key, bool sensitive) => Assert.Equal(sensitive, SensitiveKeys.IsSensitive(key));
}
