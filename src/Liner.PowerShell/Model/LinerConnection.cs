using System;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>
/// One Liner account: its API host, its key and one reusable HTTP client. The key stays in a
/// <see cref="SecureString"/> and is readable only by the module, while it writes a request header.
/// </summary>
[WrapTable]
public sealed class LinerConnection : IDisposable
{
    private readonly SecureString _apiKey;
    private readonly HttpClient _http;
    private int _disposed;

    internal LinerConnection(Uri baseUri, SecureString apiKey, int timeoutSec, int maximumRetryCount, Api.ProxySettings? proxy = null)
    {
        ProxySettings = proxy ?? Api.ProxySettings.Platform;
        BaseUri = baseUri;
        _apiKey = apiKey.Copy();
        _apiKey.MakeReadOnly();
        ApiKeyHint = MakeHint(_apiKey);
        Scrubber = new Api.KeyScrubber(this);
        TimeoutSec = timeoutSec;
        MaximumRetryCount = maximumRetryCount;
        ConnectedAt = DateTime.Now;
        Proxy = ProxySettings.ProxyFor(baseUri)?.AbsoluteUri.TrimEnd('/');
        _http = new HttpClient(Api.LinerHttp.CreateHandler(ProxySettings, Tls), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The API's base address: scheme, host, port and any path prefix.</summary>
    [TableColumn(1, 27)]
    public string ApiHost => BaseUri.AbsoluteUri.TrimEnd('/');

    /// <summary>When Connect-Liner made this connection, in local time (a DateTime, so it survives jobs and Import-Clixml as one).</summary>
    [TableColumn(4, 16, FormatString = "{0:yyyy-MM-dd HH:mm}")]
    public DateTime ConnectedAt { get; }

    /// <summary>The longest wait, in seconds, for the server at any one point of a request.</summary>
    public int TimeoutSec { get; }

    /// <summary>How many times a failed request is tried again.</summary>
    public int MaximumRetryCount { get; }

    /// <summary>At most the last four characters of the key, so two connections can be told apart.</summary>
    [TableColumn(3, 10)]
    public string ApiKeyHint { get; }

    /// <summary>
    /// The proxy that requests to the API host go through: the one given with -Proxy, or the
    /// platform's (HTTPS_PROXY and HTTP_PROXY, or the system proxy on Windows) as it was at Connect-Liner; null when none.
    /// </summary>
    [TableColumn(2, 16, Script = "if ($_.Proxy) { $_.Proxy -replace '^http://' } elseif ($_.NoProxy) { 'none (-NoProxy)' } else { 'none' }")]
    public string? Proxy { get; }

    /// <summary>True when Connect-Liner was told -NoProxy: requests go straight to the host, whatever the platform's settings.</summary>
    public bool NoProxy => ProxySettings.IsNone;

    /// <summary>The user name of -ProxyCredential (its password is never shown), or null.</summary>
    public string? ProxyUserName => ProxySettings.Credential?.UserName;

    /// <summary>True when the proxy gets this account's default (Windows) credentials.</summary>
    public bool ProxyUseDefaultCredentials => ProxySettings.UseDefaultCredentials;

    /// <summary>False once Disconnect-Liner has released this connection.</summary>
    [TableColumn(5, 6)]
    public bool IsOpen => Volatile.Read(ref _disposed) == 0;

    internal Uri BaseUri { get; }

    internal Api.ProxySettings ProxySettings { get; }

    /// <summary>Why the last certificate of each origin was refused, for the error that says so.</summary>
    internal Api.TlsDiagnostics Tls { get; } = new();

    internal HttpClient Http
    {
        get
        {
            if (!IsOpen)
            {
                throw new ObjectDisposedException(nameof(LinerConnection));
            }
            return _http;
        }
    }

    /// <summary>Takes this connection's key out of whatever its servers send.</summary>
    internal Api.KeyScrubber Scrubber { get; }

    internal int KeyLength => IsOpen ? _apiKey.Length : 0;

    /// <summary>Hands the plain key to <paramref name="use"/> only for the time it takes to write a header.</summary>
    internal void UseApiKey(Action<string> use) => WithPlainText(_apiKey, plain =>
    {
        use(plain);
        return true;
    });

    /// <summary>Hands the plain key to <paramref name="use"/> for as long as it takes to find it in what a server sent (<see cref="Api.KeyScrubber"/>).</summary>
    internal T UseKey<T>(Func<string, T> use) => WithPlainText(_apiKey, use);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _http.Dispose();
            _apiKey.Dispose();
        }
    }

    public override string ToString() => $"{ApiHost} (key {ApiKeyHint})";

    private static string MakeHint(SecureString key)
    {
        // Short keys show fewer characters: a hint must never give away most of a key.
        var shown = key.Length >= 16 ? 4 : key.Length >= 8 ? 2 : 0;
        return shown == 0 ? "****" : WithPlainText(key, plain => "****" + plain.Substring(plain.Length - shown));
    }

    /// <summary>The one place the key exists as plain text: for the length of <paramref name="use"/>, then zeroed.</summary>
    private static T WithPlainText<T>(SecureString key, Func<string, T> use)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(key);
            return use(Marshal.PtrToStringUni(pointer) ?? string.Empty);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
