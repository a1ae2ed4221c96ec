using System;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Liner.PowerShell.Api;

/// <summary>
/// Failures below HTTP: a connection refused, reset or cut short, a host name not found, a
/// certificate refused (and why), and a proxy in the way that cannot be reached, refuses the host or
/// wants a password. A failure at a proxy names the proxy, not the API host.
/// </summary>
internal sealed partial class RequestFailures
{
    /// <summary>A failure below HTTP; while <paramref name="sending"/>, the request may have reached the server unless the failure says it cannot have.</summary>
    public LinerApiException NetworkFailure(Exception error, bool sending)
    {
        // The innermost message says what the network did (refused, reset, name not known, TLS);
        // none of these messages carries request headers, so the key cannot be in it.
        var inner = error;
        AuthenticationException? tls = null;
        SocketException? socket = null;
        int? tunnelStatus = null;
        for (var e = error; e is not null; e = e.InnerException)
        {
            tls ??= e as AuthenticationException;
            socket ??= e as SocketException;
            tunnelStatus ??= TunnelStatus(e);
            inner = e;
        }
        var cause = inner.Message.TrimEnd('.');
        var proxy = Proxy;

        if (proxy is not null && tunnelStatus is { } status)
        {
            return TunnelRefused(status);
        }
        // A connection refused, a host not found, a certificate refused: nothing was sent.
        var delivery = !sending ? Delivery.Answered
            : tls is not null || socket?.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable
                ? Delivery.NotSent
                : Delivery.MaybeReceived;
        // Failures that the same request would meet again: reported at once, never retried.
        if (socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
        {
            return proxy is null
                ? Fail(
                    LinerErrorIds.NetworkError,
                    ErrorCategory.ConnectionError,
                    $"could not reach {Origin}: the host name {Target.IdnHost} was not found ({cause}).",
                    recommendedAction: "Check the spelling of the API host given to Connect-Liner, and this computer's DNS settings.")
                : Fail(
                    LinerErrorIds.NetworkError,
                    ErrorCategory.ConnectionError,
                    $"could not reach the proxy {ProxyName}: its host name {proxy.IdnHost} was not found ({cause}).",
                    recommendedAction: ProxyAction);
        }
        if (tls is not null)
        {
            return TlsFailure(tls, cause);
        }
        if (_bodyBytes() > 0)
        {
            return Fail(
                LinerErrorIds.NetworkError,
                ErrorCategory.ConnectionError,
                $"received a response that ended early: the connection broke after {_bodyBytes():N0} bytes of the body ({cause}).",
                recommendedAction: "Try again; if it keeps happening, check any proxy or gateway between this computer and the Liner API.",
                mayPass: true,
                delivery: delivery);
        }
        if (proxy is not null)
        {
            // Refused, unreachable or silent at the first step: that is the proxy, the only host this
            // computer connects to; anything later happened on the way through it.
            return socket?.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TimedOut
                ? Fail(
                    LinerErrorIds.NetworkError,
                    ErrorCategory.ConnectionError,
                    $"could not reach the proxy {ProxyName} (on the way to {Origin}): {cause}.",
                    recommendedAction: ProxyAction,
                    mayPass: true,
                    delivery: sending ? Delivery.NotSent : delivery)
                : Fail(
                    LinerErrorIds.NetworkError,
                    ErrorCategory.ConnectionError,
                    $"could not reach {Origin} through the proxy {ProxyName}: {cause}.",
                    recommendedAction: $"Try again; if it keeps happening, check that the proxy {ProxyName} can reach {Origin}, or connect with -NoProxy if the host is reachable without it.",
                    mayPass: true,
                    delivery: delivery);
        }
        return Fail(
            LinerErrorIds.NetworkError,
            ErrorCategory.ConnectionError,
            $"could not reach {Origin}: {cause}.",
            recommendedAction: "Check the host name, the network and any proxy between this computer and the Liner API.",
            mayPass: true,
            delivery: delivery);
    }

    private string ProxyAction =>
        $"Check the proxy's address and that it is running ({(_connection.ProxySettings.Address is null ? "HTTPS_PROXY or HTTP_PROXY, or the system's proxy settings" : "-Proxy of Connect-Liner")}); connect with -NoProxy if {Target.Host} is reachable without a proxy.";

    /// <summary>A certificate the module did not accept (why, from <see cref="TlsDiagnostics"/>), or a handshake that failed.</summary>
    private LinerApiException TlsFailure(AuthenticationException tls, string cause)
    {
        if (_connection.Tls.ProblemWith(Target) is { } problem)
        {
            return Fail(
                LinerErrorIds.TlsError,
                ErrorCategory.SecurityError,
                $"could not connect securely to {Origin}: {problem.What}.",
                recommendedAction: problem.Action);
        }
        return tls.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0
            ? Fail(
                LinerErrorIds.TlsError,
                ErrorCategory.SecurityError,
                $"could not connect securely to {Origin}: its TLS certificate was not accepted ({cause}).",
                recommendedAction: "Check that the API host is spelled as on its certificate; if the certificate comes from your own CA, trust that CA on this computer.")
            : Fail(
                LinerErrorIds.NetworkError,
                ErrorCategory.ConnectionError,
                $"could not reach {Origin}: the TLS handshake failed; the server does not seem to speak TLS on this port. Was http:// meant?",
                recommendedAction: "If the server speaks plain http, connect with http:// (and -AllowUnencryptedConnection for a host other than this computer); otherwise check the port.");
    }

    /// <summary>The proxy answered the CONNECT of an https request with <paramref name="status"/> instead of opening the tunnel.</summary>
    private LinerApiException TunnelRefused(int status)
    {
        if (status is 407 or 401)
        {
            // A CONNECT refused is always the proxy's answer (tinyproxy answers refused credentials with 401).
            return ProxyAuthenticationRequired(status);
        }
        var answer = $"{status} {ReasonPhrase(status)}";
        return status == 403
            ? Fail(
                LinerErrorIds.NetworkError,
                ErrorCategory.ConnectionError,
                $"could not reach {Origin}: the proxy {ProxyName} refused to open a connection to it ({answer}).",
                status,
                recommendedAction: $"Ask the proxy's administrators to allow {Target.Host} on port {Target.Port}, or connect with -NoProxy if the host is reachable without the proxy.")
            : Fail(
                LinerErrorIds.NetworkError,
                ErrorCategory.ConnectionError,
                $"could not reach {Origin}: the proxy {ProxyName} could not open a connection to it ({answer}).",
                status,
                recommendedAction: $"Check that {Origin} is the Liner API host and that the proxy {ProxyName} can reach it; connect with -NoProxy if the host is reachable without the proxy.",
                mayPass: RetryPolicy.IsPassingStatus(status),
                delivery: Delivery.NotSent);
    }

    private bool SentProxyCredentials => _connection.ProxySettings.Credential is not null || _connection.ProxySettings.UseDefaultCredentials;

    private static bool IsJsonObject(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'{';
            }
        }
        return false;
    }

    private LinerApiException ProxyAuthenticationRequired(int status)
    {
        var settings = _connection.ProxySettings;
        var what = settings.Credential is not null
            ? $"did not accept the user name and password of -ProxyCredential ({settings.Credential.UserName})"
            : settings.UseDefaultCredentials
                ? "did not accept this account's default credentials (-ProxyUseDefaultCredentials)"
                : "asks for a user name and password";
        return Fail(
            LinerErrorIds.ProxyAuthenticationRequired,
            ErrorCategory.AuthenticationError,
            $"could not reach {Origin}: the proxy {ProxyName} {what} ({status} {ReasonPhrase(status)}).",
            status,
            recommendedAction: settings.Credential is not null
                ? "Check the proxy user name and password, then run Connect-Liner again with the right -ProxyCredential."
                : "Run Connect-Liner again with -ProxyCredential (the proxy's user name and password), or -ProxyUseDefaultCredentials where the proxy takes your Windows sign-in.");
    }

    /// <summary>
    /// The status a proxy answered a CONNECT with, when <paramref name="error"/> says so: .NET 8 and later
    /// mark it HttpRequestError.ProxyTunnelError with the status in StatusCode (neither is in
    /// netstandard2.0, so both are read by reflection); earlier ones say it only in the message.
    /// </summary>
    private static int? TunnelStatus(Exception error)
    {
        if (error is not HttpRequestException)
        {
            return null;
        }
        var kind = error.GetType().GetProperty("HttpRequestError")?.GetValue(error)?.ToString();
        if (kind is null ? error.Message.IndexOf("proxy tunnel", StringComparison.OrdinalIgnoreCase) < 0 : kind != "ProxyTunnelError")
        {
            return null;
        }
        if (error.GetType().GetProperty("StatusCode")?.GetValue(error) is HttpStatusCode code)
        {
            return (int)code;
        }
        var quoted = System.Text.RegularExpressions.Regex.Match(error.Message, @"status code '(\d{3})'");
        return quoted.Success ? int.Parse(quoted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string ReasonPhrase(int status)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        return response.ReasonPhrase ?? string.Empty;
    }
}
