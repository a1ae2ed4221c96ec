using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Liner.MockApi;

/// <summary>
/// Certificates for the mock's https listeners, all made at run time: a test CA (made once per test
/// run with --make-ca, and trusted only by the processes the run points at it with SSL_CERT_FILE),
/// and, at each start, server certificates issued by it: a good one for 127.0.0.1 and localhost, an
/// expired one, one for another host name, and one from a CA nobody trusts.
/// </summary>
internal static class TestCertificates
{
    public const string CertificateFile = "liner-test-ca.pem";
    public const string KeyFile = "liner-test-ca.key.pem";

    /// <summary>The https listeners, by the name the banner gives them.</summary>
    public static readonly string[] ListenerNames = ["https", "https-expired", "https-wrong-host", "https-untrusted"];

    /// <summary>Writes a new CA's certificate and key (PEM) into <paramref name="folder"/>.</summary>
    public static void MakeAuthority(string folder)
    {
        Directory.CreateDirectory(folder);
        using var ca = NewAuthority("Liner.MockApi test CA");
        File.WriteAllText(Path.Combine(folder, CertificateFile), ca.ExportCertificatePem());
        var keyPath = Path.Combine(folder, KeyFile);
        File.WriteAllText(keyPath, ca.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The server certificate of each https listener, issued by the CA in <paramref name="folder"/>.</summary>
    public static Dictionary<string, X509Certificate2> ServerCertificates(string folder)
    {
        using var ca = X509Certificate2.CreateFromPemFile(Path.Combine(folder, CertificateFile), Path.Combine(folder, KeyFile));
        using var stranger = NewAuthority("Liner.MockApi untrusted CA");
        var now = DateTimeOffset.UtcNow;
        string[] loopback = ["localhost"];
        return new Dictionary<string, X509Certificate2>
        {
            ["https"] = Issue(ca, "localhost", loopback, withIp: true, now.AddDays(-1), now.AddDays(7)),
            ["https-expired"] = Issue(ca, "localhost", loopback, withIp: true, now.AddDays(-20), now.AddDays(-10)),
            ["https-wrong-host"] = Issue(ca, "liner.example.invalid", ["liner.example.invalid"], withIp: false, now.AddDays(-1), now.AddDays(7)),
            ["https-untrusted"] = Issue(stranger, "localhost", loopback, withIp: true, now.AddDays(-1), now.AddDays(7)),
        };
    }

    private static X509Certificate2 NewAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=Liner.PowerShell tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-30), now.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string[] dnsNames, bool withIp, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }
        if (withIp)
        {
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        // Through PKCS#12, so that SslStream can use the key on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }
}
