using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

/// <summary>What a refused certificate is said to be, from chains built here against a CA of the test's own.</summary>
public sealed class CertificateProblemTests : IDisposable
{
    private static readonly Uri Target = new("https://127.0.0.1:8443/");
    private readonly X509Certificate2 _ca = NewCa("Test CA");
    private readonly X509Certificate2 _stranger = NewCa("Stranger CA");

    public void Dispose()
    {
        _ca.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public void SaysWhenTheCertificateExpired()
    {
        using var leaf = Issue(_ca, ["localhost"], withIp: true, DateTimeOffset.UtcNow.AddDays(-20), DateTimeOffset.UtcNow.AddDays(-10));
        var problem = Problem(leaf, _ca, SslPolicyErrors.RemoteCertificateChainErrors);
        Assert.Matches(@"^its certificate expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC$", problem.What);
        Assert.Contains("renewed", problem.Action);
    }

    [Fact]
    public void SaysWhenTheCertificateIsNotValidYet()
    {
        using var leaf = Issue(_ca, ["localhost"], withIp: true, DateTimeOffset.UtcNow.AddDays(5), DateTimeOffset.UtcNow.AddDays(9));
        var problem = Problem(leaf, _ca, SslPolicyErrors.RemoteCertificateChainErrors);
        Assert.StartsWith("its certificate is valid only from ", problem.What);
        Assert.Contains("clock", problem.Action);
    }

    [Fact]
    public void NamesTheHostsACertificateIsFor()
    {
        using var leaf = Issue(_ca, ["liner.example.com", "api.liner.example.com"], withIp: false, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(9));
        var problem = Problem(leaf, _ca, SslPolicyErrors.RemoteCertificateNameMismatch);
        Assert.Equal("its certificate is for liner.example.com, api.liner.example.com, not for 127.0.0.1", problem.What);
        Assert.Contains("(liner.example.com, api.liner.example.com)", problem.Action);
    }

    [Fact]
    public void NamesTheCertificateAuthorityNobodyTrusts()
    {
        using var leaf = Issue(_stranger, ["localhost"], withIp: true, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(9));
        var problem = Problem(leaf, _ca, SslPolicyErrors.RemoteCertificateChainErrors);
        Assert.Equal("its certificate was issued by 'CN=Stranger CA', a certificate authority this computer does not trust", problem.What);
        Assert.Contains("trust it on this computer", problem.Action);
    }

    [Fact]
    public void SaysEveryProblemOfACertificateThatHasSeveral()
    {
        using var leaf = Issue(_stranger, ["liner.example.com"], withIp: false, DateTimeOffset.UtcNow.AddDays(-20), DateTimeOffset.UtcNow.AddDays(-10));
        var problem = Problem(leaf, _ca, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch);
        Assert.Contains("issued by 'CN=Stranger CA'", problem.What);
        Assert.Contains("is for liner.example.com, not for 127.0.0.1", problem.What);
        Assert.Contains("expired on", problem.What);
    }

    [Fact]
    public void SaysWhenNoCertificateCame() =>
        Assert.Equal("it sent no certificate", CertificateProblem.From(Target, null, null, SslPolicyErrors.RemoteCertificateNotAvailable).What);

    [Fact]
    public void RemembersARefusalPerOriginAndForgetsItOnceAccepted()
    {
        var tls = new TlsDiagnostics();
        using var leaf = Issue(_ca, ["liner.example.com"], withIp: false, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(9));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Target, "v2/sip-endpoints/"));
        Assert.False(tls.Validate(request, leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.NotNull(tls.ProblemWith(new Uri("https://127.0.0.1:8443/files/1.mp3")));
        Assert.Null(tls.ProblemWith(new Uri("https://127.0.0.1:9443/")));
        Assert.True(tls.Validate(request, leaf, null, SslPolicyErrors.None));
        Assert.Null(tls.ProblemWith(Target));
    }

    private static CertificateProblem Problem(X509Certificate2 leaf, X509Certificate2 trusted, SslPolicyErrors errors)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(leaf);
        return CertificateProblem.From(Target, leaf, chain, errors);
    }

    private static X509Certificate2 NewCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string[] names, bool withIp, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }
        if (withIp)
        {
            san.AddIpAddress(IPAddress.Loopback);
        }
        request.CertificateExtensions.Add(san.Build());
        return request.Create(ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
    }
}
