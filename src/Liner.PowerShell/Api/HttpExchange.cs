using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Threading;

namespace Liner.PowerShell.Api;

/// <summary>
/// One request and its response: the key header (only to the connection's own origin), the JSON body
/// of a write (made anew for every attempt), and redirects, followed for a GET within the same origin
/// (or, without the key, anywhere but from https to http), never for a write. The waits are
/// <see cref="ServerWait"/>'s; what goes wrong is phrased by <see cref="Failures"/>.
/// </summary>
internal sealed class HttpExchange
{
    private const int MaxRedirects = 5;

    private readonly LinerConnection _connection;
    private readonly ApiStreams _streams;
    private readonly RetryPolicy _retry;
    private readonly CancellationToken _cancellation;
    private readonly ServerWait _wait;

    public HttpExchange(ApiContext api, HttpMethod method, ApiStreams streams, CancellationToken cancellation)
    {
        _connection = api.Connection;
        _streams = streams;
        _retry = api.Retry;
        _cancellation = cancellation;
        Method = method;
        Failures = new RequestFailures(_connection, api.Retry, method.Method, () => Target, () => BodyBytes);
        _wait = new ServerWait(_connection, streams, cancellation, Failures, () => $"{Method} {Path}");
    }

    public HttpMethod Method { get; }

    public LinerConnection Connection => _connection;

    public ApiStreams Streams => _streams;

    /// <summary>The address the request is sent to now (after any redirect).</summary>
    public Uri? Target { get; private set; }

    /// <summary>The path of the request below the host, for messages.</summary>
    public string Path => Target?.AbsolutePath ?? string.Empty;

    /// <summary>How many bytes of the body have arrived.</summary>
    public long BodyBytes { get; private set; }

    public RequestFailures Failures { get; }

    /// <summary>The status line and headers of the last response, scrubbed of the key.</summary>
    public ResponseHead? Head { get; private set; }

    /// <summary>Sends the request to base/<paramref name="relativePath"/> (with its query), with the key.</summary>
    public HttpResponseMessage Send(string relativePath, Func<HttpContent>? content = null) =>
        Send(new Uri(_connection.BaseUri, relativePath), withKey: true, content);

    /// <summary>
    /// Sends the request to <paramref name="uri"/>. With the key, only redirects within the same origin
    /// are followed; without it (a file on another host), any redirect is, since nothing secret is sent,
    /// except one from https to http: what was asked for encrypted is never fetched in the clear.
    /// </summary>
    public HttpResponseMessage Send(Uri uri, bool withKey, Func<HttpContent>? content = null)
    {
        _wait.Restart();
        BodyBytes = 0;
        _retry.WaitForHold(_streams, _cancellation);
        for (var hop = 0; ; hop++)
        {
            Target = uri;
            using var request = new HttpRequestMessage(Method, uri) { Content = content?.Invoke() };
            request.Headers.UserAgent.Add(LinerHttp.UserAgent);
            if (withKey)
            {
                request.Headers.Accept.Add(LinerHttp.Json);
                _connection.UseApiKey(key => request.Headers.TryAddWithoutValidation("X-Api-Key", key));
            }

            // A file's address may carry a signature in its query: only the API's own queries are shown.
            _streams.Verbose($"{Method} {uri.GetLeftPart(withKey ? UriPartial.Query : UriPartial.Path)}");
            var started = DateTime.UtcNow;
            var response = _wait.For(token => _connection.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token), "to answer", sending: true);
            var head = Head = new ResponseHead(response, _connection.Scrubber);
            _streams.Verbose($"HTTP {head.Status} {head.Reason} in {(DateTime.UtcNow - started).TotalMilliseconds:0} ms");
            _streams.Debug(head.Describe());

            var status = head.Status;
            if (status is < 300 or > 399 || status == 304)
            {
                return response;
            }

            response.Dispose();
            if (head.Location is not { } location)
            {
                throw Failures.Fail(LinerErrorIds.HttpError, ErrorCategory.ProtocolError, $"answered {status} (a redirect) without saying where to.", status);
            }
            var target = location.IsAbsoluteUri ? location : new Uri(uri, location);
            var origin = target.GetLeftPart(UriPartial.Authority);
            if (Method != HttpMethod.Get)
            {
                throw Failures.Fail(
                    LinerErrorIds.RedirectRefused,
                    ErrorCategory.ProtocolError,
                    $"answered {status}, a redirect to {origin}{target.AbsolutePath}. The module sends a change to one address only, never on to another.",
                    status,
                    recommendedAction: "Check the API host and path prefix given to Connect-Liner: they must point at the Liner API itself.");
            }
            var downgrade = uri.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps;
            if (withKey && !IsSameOrigin(uri, target))
            {
                throw Failures.Fail(
                    LinerErrorIds.RedirectRefused,
                    ErrorCategory.SecurityError,
                    $"redirected to another origin{(downgrade ? " (from https to http)" : string.Empty)}, {origin}. The module does not send the API key to another origin.",
                    status,
                    recommendedAction: $"If {origin} is the right Liner API host, run Connect-Liner with that host.");
            }
            if (downgrade)
            {
                throw Failures.Fail(
                    LinerErrorIds.RedirectRefused,
                    ErrorCategory.SecurityError,
                    $"redirected from https to {origin}, which is not encrypted. The module does not follow a redirect from https to http.",
                    status,
                    recommendedAction: $"Tell the administrator of {uri.Host}: the file should be served over https.");
            }
            if (hop >= MaxRedirects)
            {
                throw Failures.Fail(LinerErrorIds.HttpError, ErrorCategory.ProtocolError, $"redirected more than {MaxRedirects} times.", status);
            }
            _streams.Verbose($"Following the redirect ({status}) to {target.AbsolutePath} on the same origin.");
            uri = target;
        }
    }

    /// <summary>The response's body as a stream that is read with this request's timeouts, scrubbed of the key as it arrives.</summary>
    public ResponseBody OpenBody(HttpResponseMessage response)
    {
        var stream = _wait.For(_ => response.Content.ReadAsStreamAsync(), "to send the body", sending: false);
        return new ResponseBody(
            (buffer, offset, count) =>
            {
                var read = _wait.For(token => stream.ReadAsync(buffer, offset, count, token), "to send the rest of the body", sending: false);
                BodyBytes += read;
                return read;
            },
            _connection.Scrubber);
    }

    /// <summary>The whole body, up to <paramref name="limit"/> bytes.</summary>
    public byte[] ReadBody(HttpResponseMessage response, int limit)
    {
        using var body = OpenBody(response);
        return body.ReadAll(limit);
    }

    /// <summary>Copies the body to <paramref name="destination"/> as it arrives, with this request's timeouts (a file: not scrubbed).</summary>
    public void CopyBody(HttpResponseMessage response, Stream destination)
    {
        var stream = _wait.For(_ => response.Content.ReadAsStreamAsync(), "to send the body", sending: false);
        var buffer = new byte[81920];
        while (true)
        {
            var read = _wait.For(token => stream.ReadAsync(buffer, 0, buffer.Length, token), "to send the rest of the body", sending: false);
            if (read == 0)
            {
                return;
            }
            BodyBytes += read;
            destination.Write(buffer, 0, read);
        }
    }

    /// <summary>The error for a non-2xx response, with what its body says (read up to 64 KB).</summary>
    public LinerApiException StatusError(HttpResponseMessage response, string? alsoTried = null)
    {
        byte[] body;
        try
        {
            body = ReadBody(response, 64 * 1024);
        }
        catch (Exception error) when (error is LinerApiException or ResponseShapeException)
        {
            // An error body that does not arrive still leaves the status to report.
            body = Array.Empty<byte>();
        }
        return Failures.StatusError(Head!, body, alsoTried);
    }

    /// <summary>Says how much of the wait for the server this request has used.</summary>
    public void LogFinished() =>
        _streams.Debug($"Read {BodyBytes:N0} bytes of the body; {_wait.Waited.TotalMilliseconds:0} ms of this request were spent waiting for the server.");

    internal static bool IsSameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
