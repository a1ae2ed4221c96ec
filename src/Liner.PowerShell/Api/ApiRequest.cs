using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Liner.PowerShell.Api;

/// <summary>
/// One GET against the Liner API: the request with its key, same-origin redirects, and the timeout
/// on every wait for the server within a budget for the whole response. Whatever goes wrong leaves
/// as a <see cref="LinerApiException"/> built by <see cref="Failures"/>.
/// </summary>
internal sealed class ApiRequest
{
    private const int MaxRedirects = 5;

    /// <summary>A whole response may take this many timeouts of waiting for the server, in all.</summary>
    internal const int ResponseTimeoutFactor = 20;

    /// <summary>How long a wait for the server goes unreported, and then how often progress is updated.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(750);

    private readonly LinerConnection _connection;
    private readonly ApiLog _log;
    private readonly CancellationToken _cancellation;
    private readonly TimeSpan _timeout;
    private TimeSpan _waited;

    public ApiRequest(LinerConnection connection, ApiLog log, CancellationToken cancellation, RetryPolicy retry)
    {
        _connection = connection;
        _log = log;
        _cancellation = cancellation;
        _timeout = TimeSpan.FromSeconds(connection.TimeoutSec);
        Failures = new RequestFailures(connection, retry, () => Target, () => BodyBytes);
    }

    public LinerConnection Connection => _connection;

    /// <summary>The address the request is sent to now (after any redirect).</summary>
    public Uri? Target { get; private set; }

    /// <summary>The path of the request below the host, for messages.</summary>
    public string Path => Target?.AbsolutePath ?? string.Empty;

    /// <summary>How many bytes of the body have arrived.</summary>
    public long BodyBytes { get; set; }

    public RequestFailures Failures { get; }

    /// <summary>Sends GET base/<paramref name="relativePath"/> (with its query) and follows same-origin redirects.</summary>
    public HttpResponseMessage Send(string relativePath) => Send(new Uri(_connection.BaseUri, relativePath), withKey: true);

    /// <summary>
    /// Sends GET <paramref name="uri"/>. With the key, only redirects within the same origin are
    /// followed; without it (a file on another host), any redirect is, since nothing secret is sent,
    /// except one from https to http: what was asked for encrypted is never fetched in the clear.
    /// </summary>
    public HttpResponseMessage Send(Uri uri, bool withKey)
    {
        _waited = TimeSpan.Zero;
        BodyBytes = 0;
        for (var hop = 0; ; hop++)
        {
            Target = uri;
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.UserAgent.Add(LinerHttp.UserAgent);
            if (withKey)
            {
                request.Headers.Accept.Add(LinerHttp.Json);
                _connection.UseApiKey(key => request.Headers.TryAddWithoutValidation("X-Api-Key", key));
            }

            // A file's address may carry a signature in its query: only the API's own queries are shown.
            _log.Verbose($"GET {uri.GetLeftPart(withKey ? UriPartial.Query : UriPartial.Path)}");
            var started = DateTime.UtcNow;
            var response = Wait(token => _connection.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token), "to answer");
            _log.Verbose($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} in {(DateTime.UtcNow - started).TotalMilliseconds:0} ms");
            _log.Debug($"Response: Content-Type {response.Content.Headers.ContentType?.ToString() ?? "(none)"}, Content-Length {response.Content.Headers.ContentLength?.ToString() ?? "(not given)"}{(response.Headers.RetryAfter is { } retryAfter ? $", Retry-After {retryAfter}" : string.Empty)}");

            var status = (int)response.StatusCode;
            if (status is < 300 or > 399 || status == 304)
            {
                return response;
            }

            var location = response.Headers.Location;
            response.Dispose();
            if (location is null)
            {
                throw Failures.Fail(LinerErrorIds.HttpError, ErrorCategory.ProtocolError, $"answered {status} (a redirect) without saying where to.", status);
            }
            var target = location.IsAbsoluteUri ? location : new Uri(uri, location);
            var downgrade = uri.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps;
            if (withKey && !IsSameOrigin(uri, target))
            {
                throw Failures.Fail(
                    LinerErrorIds.RedirectRefused,
                    ErrorCategory.SecurityError,
                    $"redirected to another origin{(downgrade ? " (from https to http)" : string.Empty)}, {target.GetLeftPart(UriPartial.Authority)}. The module does not send the API key to another origin.",
                    status,
                    recommendedAction: $"If {target.GetLeftPart(UriPartial.Authority)} is the right Liner API host, run Connect-Liner with that host.");
            }
            if (downgrade)
            {
                throw Failures.Fail(
                    LinerErrorIds.RedirectRefused,
                    ErrorCategory.SecurityError,
                    $"redirected from https to {target.GetLeftPart(UriPartial.Authority)}, which is not encrypted. The module does not follow a redirect from https to http.",
                    status,
                    recommendedAction: $"Tell the administrator of {uri.Host}: the file should be served over https.");
            }
            if (hop >= MaxRedirects)
            {
                throw Failures.Fail(LinerErrorIds.HttpError, ErrorCategory.ProtocolError, $"redirected more than {MaxRedirects} times.", status);
            }
            _log.Verbose($"Following the redirect ({status}) to {target.AbsolutePath} on the same origin.");
            uri = target;
        }
    }

    /// <summary>The response's body as a stream that is read with this request's timeouts.</summary>
    public ResponseBody OpenBody(HttpResponseMessage response)
    {
        var stream = Wait(_ => response.Content.ReadAsStreamAsync(), "to send the body");
        return new ResponseBody((buffer, offset, count) =>
        {
            var read = Wait(token => stream.ReadAsync(buffer, offset, count, token), "to send the rest of the body");
            BodyBytes += read;
            return read;
        });
    }

    /// <summary>Copies the body to <paramref name="destination"/> as it arrives, with this request's timeouts.</summary>
    public void CopyBody(HttpResponseMessage response, Stream destination)
    {
        var stream = Wait(_ => response.Content.ReadAsStreamAsync(), "to send the body");
        var buffer = new byte[81920];
        while (true)
        {
            var read = Wait(token => stream.ReadAsync(buffer, 0, buffer.Length, token), "to send the rest of the body");
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
            using var reader = OpenBody(response);
            body = reader.ReadAll(64 * 1024);
        }
        catch (Exception error) when (error is LinerApiException or ResponseShapeException)
        {
            // An error body that does not arrive still leaves the status to report.
            body = Array.Empty<byte>();
        }
        return Failures.StatusError(response, body, alsoTried);
    }

    /// <summary>Says how much of the wait for the server this request has used.</summary>
    public void LogFinished() =>
        _log.Debug($"Read {BodyBytes:N0} bytes of the body; {_waited.TotalMilliseconds:0} ms of this request were spent waiting for the server.");

    /// <summary>
    /// Waits for one server operation on this thread, at most the connection's timeout, and within the
    /// budget for the whole response, showing progress when it takes a while. Ctrl+C (the cmdlet's
    /// cancellation) ends the wait at once.
    /// </summary>
    private T Wait<T>(Func<CancellationToken, Task<T>> operation, string what)
    {
        var budget = TimeSpan.FromTicks(_timeout.Ticks * ResponseTimeoutFactor) - _waited;
        var limit = budget < _timeout ? budget : _timeout;
        if (limit <= TimeSpan.Zero)
        {
            throw Failures.TimedOut(what, whole: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        timeout.CancelAfter(limit);
        var started = DateTime.UtcNow;
        var reported = false;
        try
        {
            var task = operation(timeout.Token);
            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(ProgressInterval))
            {
                var waited = DateTime.UtcNow - started;
                _log.Progress($"Waiting for {_connection.BaseUri.Authority} {what}, {waited.TotalSeconds:0} s of at most {limit.TotalSeconds:0} s (GET {Path})", (int)Math.Min(99, 100 * waited.Ticks / limit.Ticks));
                reported = true;
            }
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!_cancellation.IsCancellationRequested)
        {
            throw Failures.TimedOut(what, whole: limit < _timeout);
        }
        catch (InvalidDataException error) when (!_cancellation.IsCancellationRequested)
        {
            throw Failures.InvalidResponse($"the body could not be decompressed as its Content-Encoding says ({error.Message.TrimEnd('.')})");
        }
        catch (Exception error) when (!_cancellation.IsCancellationRequested && (error is HttpRequestException or IOException or ObjectDisposedException or WebException))
        {
            if (error is ObjectDisposedException && !_connection.IsOpen)
            {
                throw new LinerApiException(LinerErrorIds.ConnectionClosed, ErrorCategory.InvalidOperation, "The connection was closed by Disconnect-Liner while a request was running.", recommendedAction: "Run Connect-Liner again and use the new connection.");
            }
            throw Failures.NetworkFailure(error);
        }
        catch (Exception) when (_cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(_cancellation);
        }
        finally
        {
            _waited += DateTime.UtcNow - started;
            if (reported)
            {
                _log.Progress(null, 100);
            }
        }
    }

    internal static bool IsSameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
