using System;
using System.Net;
using System.Net.Http;
using System.Security;

namespace Liner.PowerShell.Api;

/// <summary>
/// Which proxy a connection's requests go through: the platform's (HTTPS_PROXY, HTTP_PROXY and
/// NO_PROXY on Linux and macOS, the system proxy on Windows, as Invoke-RestMethod), one named with
/// -Proxy, or none (-NoProxy); and the credentials the proxy gets when it asks for them (407).
/// </summary>
internal sealed class ProxySettings
{
    private static readonly string[] Schemes = ["http", "https", "socks4", "socks4a", "socks5"];

    private ProxySettings(Uri? address, bool none, NetworkCredential? credential, bool useDefaultCredentials)
    {
        Address = address;
        IsNone = none;
        Credential = credential;
        UseDefaultCredentials = useDefaultCredentials;
    }

    /// <summary>The platform's proxy, without credentials.</summary>
    public static ProxySettings Platform { get; } = new(null, none: false, credential: null, useDefaultCredentials: false);

    /// <summary>The proxy given with -Proxy; null for the platform's (or none).</summary>
    public Uri? Address { get; }

    /// <summary>True with -NoProxy: every request goes straight to its host.</summary>
    public bool IsNone { get; }

    public NetworkCredential? Credential { get; }

    public bool UseDefaultCredentials { get; }

    /// <summary>
    /// The settings the proxy parameters of Connect-Liner ask for; an <see cref="ArgumentException"/>
    /// when they contradict each other or the address is not a proxy's.
    /// </summary>
    public static ProxySettings Create(string? proxy, string? userName, SecureString? password, bool useDefaultCredentials, bool noProxy)
    {
        var hasCredential = userName is not null;
        if (noProxy && (proxy is not null || hasCredential || useDefaultCredentials))
        {
            throw new ArgumentException("-NoProxy cannot be combined with -Proxy, -ProxyCredential or -ProxyUseDefaultCredentials.");
        }
        if (hasCredential && useDefaultCredentials)
        {
            throw new ArgumentException("-ProxyCredential and -ProxyUseDefaultCredentials cannot be combined: give one of them.");
        }
        var credential = hasCredential ? new NetworkCredential(userName, password) : null;
        if (noProxy)
        {
            return new ProxySettings(null, none: true, null, false);
        }
        return new ProxySettings(proxy is null ? null : ParseAddress(proxy), none: false, credential, useDefaultCredentials);
    }

    /// <summary>A proxy address: a URI with http, https or socks scheme, or host:port (then http://).</summary>
    public static Uri ParseAddress(string text)
    {
        text = text.Trim();
        var hasScheme = text.IndexOf("://", StringComparison.Ordinal) >= 0;
        if (!Uri.TryCreate(hasScheme ? text : "http://" + text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{text}' is not a proxy address. Give one such as 'http://proxy.example.com:3128'.");
        }
        if (Array.IndexOf(Schemes, uri.Scheme) < 0)
        {
            throw new ArgumentException($"The proxy '{text}' uses the scheme '{uri.Scheme}'. Give an http://, https:// or socks5:// proxy address.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            // Not repeated: what follows the user name may be a password.
            throw new ArgumentException($"The proxy address for {uri.Host}:{uri.Port} contains a user name. Give the proxy's user name and password with -ProxyCredential instead.");
        }
        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ArgumentException($"The proxy address '{text}' has a path, query or fragment. Give only the scheme, host and port.");
        }
        return uri;
    }

    /// <summary>Sets up <paramref name="handler"/> to use these settings.</summary>
    public void Apply(HttpClientHandler handler)
    {
        if (IsNone)
        {
            handler.UseProxy = false;
            return;
        }
        handler.UseProxy = true;
        ICredentials? credentials = UseDefaultCredentials ? CredentialCache.DefaultCredentials : Credential;
        if (Address is null)
        {
            // The platform's proxy, read by the handler itself; the credentials go to it.
            handler.DefaultProxyCredentials = credentials;
            return;
        }
        handler.Proxy = new WebProxy(Address) { BypassProxyOnLocal = false, Credentials = credentials };
    }

    /// <summary>The proxy a request to <paramref name="target"/> goes through, or null when it goes straight there.</summary>
    public Uri? ProxyFor(Uri target)
    {
        if (IsNone)
        {
            return null;
        }
        if (Address is not null)
        {
            return Address;
        }
        try
        {
            var platform = PlatformProxy();
            if (platform is null || platform.IsBypassed(target))
            {
                return null;
            }
            var proxy = platform.GetProxy(target);
            return proxy is null || proxy == target ? null : WithoutUserInfo(proxy);
        }
        catch (Exception error) when (error is PlatformNotSupportedException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The address without a user name and password: HTTPS_PROXY may carry them
    /// (http://user:password@proxy:3128), and the address is shown in views and messages.
    /// </summary>
    private static Uri WithoutUserInfo(Uri proxy) =>
        string.IsNullOrEmpty(proxy.UserInfo) ? proxy : new UriBuilder(proxy) { UserName = string.Empty, Password = string.Empty }.Uri;

    /// <summary>
    /// What HttpClientHandler uses when no proxy is set: HttpClient.DefaultProxy on .NET (not part of
    /// netstandard2.0, so read by reflection), WebRequest.DefaultWebProxy on .NET Framework.
    /// </summary>
    private static IWebProxy? PlatformProxy() =>
        typeof(HttpClient).GetProperty("DefaultProxy")?.GetValue(null) as IWebProxy ?? WebRequest.DefaultWebProxy;
}
