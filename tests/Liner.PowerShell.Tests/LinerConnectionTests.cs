using System.Security;
using Xunit;

namespace Liner.PowerShell.Tests;

public class LinerConnectionTests
{
    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }
        return secure;
    }

    private static LinerConnection Connect(string key) => new(new Uri("https://liner.example.com/"), Secure(key), 15, 3);

    [Fact]
    public void NeverShowsTheKeyInToStringOrAnyPublicProperty()
    {
        const string key = "abcdef0123456789SECRETKEY";
        using var connection = Connect(key);
        Assert.DoesNotContain("SECRET", connection.ToString());
        foreach (var property in typeof(LinerConnection).GetProperties())
        {
            Assert.DoesNotContain("SECRET", property.GetValue(connection)?.ToString() ?? string.Empty);
        }
        Assert.Equal("****TKEY", connection.ApiKeyHint);
        Assert.Equal("https://liner.example.com", connection.ApiHost);
    }

    [Theory]
    [InlineData("0123456789abcdef", "****cdef")]
    [InlineData("01234567", "****67")]
    [InlineData("0123", "****")]
    public void ShortKeysGiveAwayLess(string key, string hint)
    {
        using var connection = Connect(key);
        Assert.Equal(hint, connection.ApiKeyHint);
    }

    [Fact]
    public void HandsThePlainKeyOnlyToTheHeaderWriter()
    {
        using var connection = Connect("the-real-key-123456");
        string? seen = null;
        connection.UseApiKey(key => seen = key);
        Assert.Equal("the-real-key-123456", seen);
    }

    [Fact]
    public void DisposedConnectionIsClosedAndRefusesRequests()
    {
        var connection = Connect("the-real-key-123456");
        connection.Dispose();
        Assert.False(connection.IsOpen);
        Assert.Throws<ObjectDisposedException>(() => connection.Http);
        connection.Dispose();
    }
}
