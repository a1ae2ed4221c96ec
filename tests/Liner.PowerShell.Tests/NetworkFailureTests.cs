using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

/// <summary>
/// Failures below HTTP, met for real: a closed port, a proxy that is not there, and the mock's https
/// listeners, whose CA this process does not trust. What each error says and whether it is retried.
/// </summary>
[Collection(nameof(MockServerCollection))]
public sealed class NetworkFailureTests
{
    private static readonly Endpoint Numbers = Endpoint.Of<VirtualNumber>();
    private readonly MockServer _mock;

    public NetworkFailureTests(MockServer mock)
    {
        _mock = mock;
    }

    private static LinerApiException Fail(LinerConnection connection)
    {
        using (connection)
        {
            var list = new ListSequence<long>(new ApiContext(connection, ApiStreams.None, CancellationToken.None, new RetryPolicy(connection.MaximumRetryCount)), new ListRequest(Numbers), new PagedListTests.IdMapper());
            return Assert.Throws<LinerApiException>(() => list.ToList());
        }
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public void AClosedPortIsARefusedConnectionThatMayPass()
    {
        var port = ClosedPort();
        var error = Fail(MockServer.ConnectTo($"http://127.0.0.1:{port}"));
        Assert.Equal(LinerErrorIds.NetworkError, error.ErrorId);
        Assert.StartsWith($"GET /v2/sip-endpoints/ could not reach http://127.0.0.1:{port}: Connection refused", error.Message);
        Assert.True(error.MayPass);
        Assert.Equal(Delivery.NotSent, error.Delivery);
        Assert.True(RetryPolicy.MayRepeat(RequestKind.Create, error));
    }

    [Fact]
    public void AProxyThatIsNotThereIsNamedInsteadOfTheHost()
    {
        var proxyPort = ClosedPort();
        var error = Fail(MockServer.ConnectTo(_mock.Url, proxy: ProxySettings.Create($"127.0.0.1:{proxyPort}", null, null, false, false)));
        Assert.Equal(LinerErrorIds.NetworkError, error.ErrorId);
        Assert.StartsWith($"GET /v2/sip-endpoints/ could not reach the proxy http://127.0.0.1:{proxyPort} (on the way to {_mock.Url}): ", error.Message);
        Assert.Contains("-Proxy of Connect-Liner", error.RecommendedAction);
    }

    [Fact]
    public void ACertificateFromAnUntrustedCaIsATlsErrorNeverRetried()
    {
        var url = _mock.HttpsUrls["https"];
        var error = Fail(MockServer.ConnectTo(url, retries: 3));
        Assert.Equal(LinerErrorIds.TlsError, error.ErrorId);
        Assert.Equal(ErrorCategory.SecurityError, error.Category);
        Assert.Equal($"GET /v2/sip-endpoints/ could not connect securely to {url}: its certificate was issued by 'CN=Liner.MockApi test CA, O=Liner.PowerShell tests', a certificate authority this computer does not trust.", error.Message);
        Assert.False(error.MayPass);
    }

    [Fact]
    public void EveryProblemOfACertificateIsSaid()
    {
        var url = _mock.HttpsUrls["https-wrong-host"];
        var error = Fail(MockServer.ConnectTo(url));
        Assert.Equal(LinerErrorIds.TlsError, error.ErrorId);
        Assert.Contains("a certificate authority this computer does not trust; its certificate is for liner.example.invalid, not for 127.0.0.1.", error.Message);
    }
}
