using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Liner.PowerShell.Api;

/// <summary>
/// Why a server's certificate was refused, so the error can say it (expired, for another host name,
/// from a CA this computer does not trust) instead of the platform's generic handshake message.
/// Its <see cref="Validate"/> decides exactly as .NET does without a callback (accept only when
/// there is no policy error): it changes no decision, it only remembers the refused certificate.
/// </summary>
internal sealed class TlsDiagnostics
{
    private readonly ConcurrentDictionary<string, CertificateProblem> _problems = new(StringComparer.OrdinalIgnoreCase);

    public bool Validate(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var origin = request.RequestUri?.GetLeftPart(UriPartial.Authority);
        if (origin is not null)
        {
            if (errors == SslPolicyErrors.None)
            {
                _problems.TryRemove(origin, out _);
            }
            else
            {
                _problems[origin] = CertificateProblem.From(request.RequestUri!, certificate, chain, errors);
            }
        }
        return errors == SslPolicyErrors.None;
    }

    /// <summary>The last refusal of <paramref name="target"/>'s certificate, if the module saw one.</summary>
    public CertificateProblem? ProblemWith(Uri target) =>
        _problems.TryGetValue(target.GetLeftPart(UriPartial.Authority), out var problem) ? problem : null;
}

/// <summary>What was wrong with one certificate, said for a person, with what to do about it.</summary>
internal sealed class CertificateProblem
{
    private CertificateProblem(string what, string action)
    {
        What = what;
        Action = action;
    }

    /// <summary>"its certificate expired on ...": one or more reasons, joined.</summary>
    public string What { get; }

    public string Action { get; }

    public static CertificateProblem From(Uri target, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var host = target.IdnHost;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return new("it sent no certificate", $"Check that {target.GetLeftPart(UriPartial.Authority)} is the Liner API's https address.");
        }

        var status = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, one) => all | one.Status) ?? X509ChainStatusFlags.NoError;
        var reasons = new List<string>();
        var actions = new List<string>();
        if ((status & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0
            || (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) && status == X509ChainStatusFlags.NoError))
        {
            var issuer = Issuer(certificate, chain);
            reasons.Add($"its certificate was issued by '{issuer}', a certificate authority this computer does not trust");
            actions.Add("If that is your organisation's CA (an internal CA, or a proxy that inspects TLS), trust it on this computer: on Linux add it to the system store (update-ca-certificates) or point SSL_CERT_FILE at a file holding it (pwsh reads SSL_CERT_FILE only when it starts: set it, then start a new pwsh); on Windows import it into Trusted Root Certification Authorities.");
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            var names = Names(certificate);
            reasons.Add($"its certificate is for {names}, not for {host}");
            actions.Add($"Connect with a host name the certificate names ({names}), or ask the server's administrator for a certificate that names {host}.");
        }
        if ((status & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            var now = DateTime.Now;
            if (certificate.NotAfter < now)
            {
                reasons.Add($"its certificate expired on {Day(certificate.NotAfter)}");
                actions.Add($"The server's certificate must be renewed: tell the administrator of {host}. If it has been renewed, check this computer's clock.");
            }
            else
            {
                reasons.Add($"its certificate is valid only from {Day(certificate.NotBefore)}");
                actions.Add("Check this computer's clock and time zone.");
            }
        }
        if ((status & X509ChainStatusFlags.Revoked) != 0)
        {
            reasons.Add("its certificate has been revoked");
            actions.Add($"Tell the administrator of {host}: the server needs a new certificate.");
        }
        if (reasons.Count == 0)
        {
            var flags = status == X509ChainStatusFlags.NoError ? errors.ToString() : status.ToString();
            reasons.Add($"its certificate was not accepted ({flags})");
            actions.Add("Check the certificate with the server's administrator; if it comes from your own CA, trust that CA on this computer.");
        }
        return new(string.Join("; ", reasons), string.Join(" ", actions));
    }

    private static string Day(DateTime local) => local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Who vouches for the certificate: the top of the chain .NET could build (the server's own
    /// chain), as that certificate's issuer unless it is a self-signed root.
    /// </summary>
    private static string Issuer(X509Certificate2 certificate, X509Chain? chain)
    {
        var top = chain is { ChainElements.Count: > 0 } ? chain.ChainElements[chain.ChainElements.Count - 1].Certificate : certificate;
        return top.Subject == top.Issuer ? top.Subject : top.Issuer;
    }

    private static readonly string[] NamePrefixes = ["DNS Name=", "DNS:", "IP Address=", "IP Address:"];

    /// <summary>The host names and addresses a certificate is for (its subject alternative names, else its common name).</summary>
    private static string Names(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value != "2.5.29.17")
            {
                continue;
            }
            // Formatted "DNS:a, IP Address:1.2.3.4" on Linux and macOS, "DNS Name=a, IP Address=1.2.3.4" on Windows.
            foreach (var part in extension.Format(multiLine: false).Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                var name = part.Trim();
                var prefix = NamePrefixes.FirstOrDefault(known => name.StartsWith(known, StringComparison.OrdinalIgnoreCase));
                names.Add(prefix is null ? name : name.Substring(prefix.Length));
            }
        }
        return names.Count > 0 ? string.Join(", ", names) : certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }
}
