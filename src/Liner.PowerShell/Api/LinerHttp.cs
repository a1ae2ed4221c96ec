using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;

namespace Liner.PowerShell.Api;

/// <summary>The HTTP settings every connection shares.</summary>
internal static class LinerHttp
{
    public static readonly ProductInfoHeaderValue UserAgent = new(
        "Liner.PowerShell",
        typeof(LinerHttp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0");

    public static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <summary>
    /// Redirects are never followed by the handler: <see cref="HttpExchange"/> follows them only within
    /// the connection's own origin, so the key is never sent anywhere else. Certificates are validated
    /// as .NET always does (<see cref="TlsDiagnostics.Validate"/> only remembers why one was refused);
    /// there is no way to skip that. The proxy is the platform's unless the connection names one.
    /// </summary>
    public static HttpMessageHandler CreateHandler(ProxySettings proxy, TlsDiagnostics tls)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ServerCertificateCustomValidationCallback = tls.Validate,
        };
        proxy.Apply(handler);
        return handler;
    }
}
