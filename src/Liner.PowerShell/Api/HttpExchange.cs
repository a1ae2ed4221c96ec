using System;
using System.Buffers;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Liner.PowerShell.Api;

/// <summary>
/// One GET against the Liner API, as the cmdlet's thread drives it: the request with its key, same-origin
/// redirects, the timeout on every wait for the server, the status check and the streamed envelope.
/// Everything that goes wrong leaves here as a <see cref="LinerApiException"/> that names the method and
/// path, never the key.
/// </summary>
internal sealed class HttpExchange
{
    private const int MaxRedirects = 5;
    private const int BufferSize = 64 * 1024;
    private const int MaxBufferSize = 64 * 1024 * 1024;
    private const int ErrorBodyLimit = 64 * 1024;

    /// <summary>A whole response may take this many timeouts of waiting for the server, in all.</summary>
    internal const int ResponseTimeoutFactor = 20;

    private readonly LinerConnection _connection;
    private readonly ApiLog _log;
    private readonly CancellationToken _cancellation;
    private readonly RetryPolicy _retry;
    private readonly TimeSpan _timeout;
    private TimeSpan _waited;
    private long _bodyBytes;

    public HttpExchange(LinerConnection connection, ApiLog log, CancellationToken cancellation, RetryPolicy retry)
    {
        _connection = connection;
        _log = log;
        _cancellation = cancellation;
        _retry = retry;
        _timeout = TimeSpan.FromSeconds(connection.TimeoutSec);
        Path = string.Empty;
    }

    /// <summary>The path of the current request below the host, for messages.</summary>
    public string Path { get; private set; }

    /// <summary>Sends GET base/<paramref name="relativePath"/> and follows same-origin redirects.</summary>
    public HttpResponseMessage Send(string relativePath)
    {
        _waited = TimeSpan.Zero;
        _bodyBytes = 0;
        var uri = new Uri(_connection.BaseUri, relativePath);
        for (var hop = 0; ; hop++)
        {
            Path = uri.AbsolutePath;
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(LinerHttp.Json);
            request.Headers.UserAgent.Add(LinerHttp.UserAgent);
            _connection.UseApiKey(key => request.Headers.TryAddWithoutValidation("X-Api-Key", key));

            _log.Verbose($"GET {uri.GetLeftPart(UriPartial.Path)}");
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
                throw Fail(LinerErrorIds.HttpError, ErrorCategory.ProtocolError, $"answered {status} (a redirect) without saying where to.", status, recommendedAction: CheckHostAction);
            }
            var target = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (!IsSameOrigin(uri, target))
            {
                var downgrade = uri.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp ? " (from https to http)" : string.Empty;
                throw Fail(
                    LinerErrorIds.RedirectRefused,
                    ErrorCategory.SecurityError,
                    $"redirected to another origin{downgrade}, {target.GetLeftPart(UriPartial.Authority)}. The module does not send the API key to another origin.",
                    status,
                    recommendedAction: $"If {target.GetLeftPart(UriPartial.Authority)} is the right Liner API host, run Connect-Liner with that host.");
            }
            if (hop >= MaxRedirects)
            {
                throw Fail(LinerErrorIds.HttpError, ErrorCategory.ProtocolError, $"redirected more than {MaxRedirects} times.", status, recommendedAction: CheckHostAction);
            }
            _log.Verbose($"Following the redirect ({status}) to {target.AbsolutePath} on the same origin.");
            uri = target;
        }
    }

    /// <summary>
    /// Turns a non-2xx response into the exception a script can act on, reading Liner's message from
    /// its body. <paramref name="alsoTried"/> names another path that was asked first and failed the same way.
    /// </summary>
    public LinerApiException StatusError(HttpResponseMessage response, string? alsoTried = null)
    {
        var status = (int)response.StatusCode;
        var described = DescribeErrorBody(ReadSmallBody(response), out var serverMessage);
        var said = (described is null ? string.Empty : " " + described)
            + (alsoTried is null ? string.Empty : $" {alsoTried} was tried first and answered {status} too.");

        if (status is 401 or 403)
        {
            return Fail(
                LinerErrorIds.AuthenticationFailed,
                status == 401 ? ErrorCategory.AuthenticationError : ErrorCategory.PermissionDenied,
                $"was refused with {status} {response.ReasonPhrase}: the API key was not accepted.{said}",
                status,
                serverMessage,
                "Check the key of the Liner integration (Liner UI, integrations) and run Connect-Liner again.");
        }

        var category = status switch
        {
            404 => ErrorCategory.ObjectNotFound,
            408 => ErrorCategory.OperationTimeout,
            429 => ErrorCategory.LimitsExceeded,
            >= 500 => ErrorCategory.ResourceUnavailable,
            _ => ErrorCategory.InvalidOperation,
        };
        var action = status switch
        {
            404 => "Check the API host and any path prefix given to Connect-Liner.",
            429 => "Liner is limiting requests: wait, or connect again with a larger -MaximumRetryCount.",
            >= 500 => "Liner or a gateway in front of it is failing: try again later; if it persists, tell your Liner administrator.",
            _ => CheckHostAction,
        };
        return Fail(
            LinerErrorIds.HttpError,
            category,
            $"failed with {status} {response.ReasonPhrase}.{said}",
            status,
            serverMessage,
            action,
            transient: RetryPolicy.IsRetryableStatus(status),
            retryAfter: _retry.ParseRetryAfter(response.Headers.RetryAfter));
    }

    /// <summary>
    /// Streams the 2xx response's envelope through <paramref name="parser"/>, buffer by buffer; each
    /// streamed element reaches the parser's handler on this thread as soon as it has arrived.
    /// </summary>
    public void ReadEnvelope(HttpResponseMessage response, EnvelopeParser parser)
    {
        var stream = Wait(_ => response.Content.ReadAsStreamAsync(), "to send the body");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var filled = 0;
        long total = 0;
        var head = string.Empty;
        try
        {
            while (true)
            {
                var offset = filled;
                var read = Wait(token => stream.ReadAsync(buffer, offset, buffer.Length - offset, token), "to send the rest of the body");
                if (total == 0 && read > 0)
                {
                    head = Encoding.UTF8.GetString(buffer, 0, Math.Min(read, 2048));
                }
                total += read;
                _bodyBytes = total;
                filled += read;

                int consumed;
                try
                {
                    consumed = parser.Feed(new ReadOnlySpan<byte>(buffer, 0, filled), isFinalBlock: read == 0);
                }
                catch (JsonException error)
                {
                    throw InvalidResponse(total == 0 ? "the body is empty" : DescribeUnreadable(head, total, error));
                }
                catch (ResponseShapeException error)
                {
                    throw InvalidResponse(total == 0 ? "the body is empty" : $"{error.Message} (after {total:N0} bytes)");
                }
                catch (ElementConsumerException consumer)
                {
                    ExceptionDispatchInfo.Capture(consumer.InnerException!).Throw();
                    throw;
                }

                if (parser.IsComplete)
                {
                    _log.Debug($"Read {total:N0} bytes of the body; {_waited.TotalMilliseconds:0} ms of this request were spent waiting for the server.");
                    return;
                }

                filled -= consumed;
                if (filled > 0)
                {
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled);
                }
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxBufferSize)
                    {
                        throw InvalidResponse($"one value of the body is larger than {MaxBufferSize / (1024 * 1024)} MB");
                    }
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public LinerApiException InvalidResponse(string what) => Fail(
        LinerErrorIds.InvalidResponse,
        ErrorCategory.InvalidResult,
        $"answered with a response the module cannot read: {what}.",
        recommendedAction: CheckHostAction);

    /// <summary>What to do about an answer that is not what the Liner API sends.</summary>
    internal const string CheckHostAction = "Check that the API host (and path prefix) given to Connect-Liner point at the Liner API itself, not a proxy or login page; if they do, report the response to Liner.";

    /// <summary>
    /// The one way this exchange reports a failure: "GET &lt;path&gt; &lt;what&gt;", with the request
    /// named, a recommended action, and the connection's key taken out of anything the server sent.
    /// </summary>
    public LinerApiException Fail(
        string errorId,
        ErrorCategory category,
        string what,
        int? status = null,
        string? serverMessage = null,
        string recommendedAction = CheckHostAction,
        bool transient = false,
        TimeSpan? retryAfter = null) =>
        new(errorId, category, _connection.Redact($"GET {Path} {what}")!, "GET", Path, status, _connection.Redact(serverMessage), recommendedAction)
        {
            IsTransient = transient,
            RetryAfter = retryAfter,
        };

    /// <summary>
    /// Waits for one server operation on this thread, at most the connection's timeout, and within the
    /// budget for the whole response. Ctrl+C (the cmdlet's cancellation) ends the wait at once.
    /// </summary>
    private T Wait<T>(Func<CancellationToken, Task<T>> operation, string what)
    {
        var budget = TimeSpan.FromTicks(_timeout.Ticks * ResponseTimeoutFactor) - _waited;
        var limit = budget < _timeout ? budget : _timeout;
        if (limit <= TimeSpan.Zero)
        {
            throw TimedOut(what, whole: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        timeout.CancelAfter(limit);
        var started = DateTime.UtcNow;
        var reported = false;
        try
        {
            var task = operation(timeout.Token);
            // A server that keeps the user waiting is shown on the progress bar, never in the output.
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
            throw TimedOut(what, whole: limit < _timeout);
        }
        catch (Exception error) when (!_cancellation.IsCancellationRequested && (error is HttpRequestException or IOException or ObjectDisposedException or WebException))
        {
            if (error is ObjectDisposedException && !_connection.IsOpen)
            {
                throw new LinerApiException(LinerErrorIds.ConnectionClosed, ErrorCategory.InvalidOperation, "The connection was closed by Disconnect-Liner while a request was running.", recommendedAction: "Run Connect-Liner again and use the new connection.");
            }
            throw NetworkFailure(error);
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

    /// <summary>How long a wait for the server goes unreported, and then how often progress is updated.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(750);

    private LinerApiException TimedOut(string what, bool whole) => Fail(
        LinerErrorIds.Timeout,
        ErrorCategory.OperationTimeout,
        whole
            ? $"timed out: the whole response took longer than {ResponseTimeoutFactor} × {_connection.TimeoutSec} s of waiting for the server."
            : $"timed out: the server took longer than {_connection.TimeoutSec} s {what}.",
        recommendedAction: $"Check that {_connection.ApiHost} is the Liner API host and can be reached from this computer (and through any proxy); if the server is only slow, run Connect-Liner again with a larger -TimeoutSec.",
        transient: true);

    private LinerApiException NetworkFailure(Exception error)
    {
        // The innermost message says what the network did (refused, reset, name not known, TLS);
        // none of these messages carries request headers, so the key cannot be in it.
        var inner = error;
        AuthenticationException? tls = null;
        SocketException? socket = null;
        for (var e = error; e is not null; e = e.InnerException)
        {
            tls ??= e as AuthenticationException;
            socket ??= e as SocketException;
            inner = e;
        }
        var cause = inner.Message.TrimEnd('.');
        var host = _connection.BaseUri.GetLeftPart(UriPartial.Authority);

        // Failures that the same request would meet again: reported at once, never retried.
        if (socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
        {
            return Fail(
                LinerErrorIds.NetworkError,
                ErrorCategory.ConnectionError,
                $"could not reach {host}: the host name {_connection.BaseUri.IdnHost} was not found ({cause}).",
                recommendedAction: "Check the spelling of the API host given to Connect-Liner, and this computer's DNS settings.");
        }
        if (tls is not null)
        {
            var certificate = tls.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0;
            return certificate
                ? Fail(
                    LinerErrorIds.NetworkError,
                    ErrorCategory.SecurityError,
                    $"could not reach {host}: its TLS certificate was not accepted ({cause}).",
                    recommendedAction: "Check that the API host is spelled as on its certificate; if the certificate comes from your own CA, trust that CA on this computer.")
                : Fail(
                    LinerErrorIds.NetworkError,
                    ErrorCategory.ConnectionError,
                    $"could not reach {host}: the TLS handshake failed; the server does not seem to speak TLS on this port. Was http:// meant?",
                    recommendedAction: "If the server speaks plain http, connect with http:// (and -AllowUnencryptedConnection for a host other than this computer); otherwise check the port.");
        }
        if (_bodyBytes > 0)
        {
            return Fail(
                LinerErrorIds.NetworkError,
                ErrorCategory.ConnectionError,
                $"received a response that ended early: the connection broke after {_bodyBytes:N0} bytes of the body ({cause}).",
                recommendedAction: "Try again; if it keeps happening, check any proxy or gateway between this computer and the Liner API.",
                transient: true);
        }
        return Fail(
            LinerErrorIds.NetworkError,
            ErrorCategory.ConnectionError,
            $"could not reach {host}: {cause}.",
            recommendedAction: "Check the host name, the network and any proxy between this computer and the Liner API.",
            transient: true);
    }

    private byte[] ReadSmallBody(HttpResponseMessage response)
    {
        try
        {
            var stream = Wait(_ => response.Content.ReadAsStreamAsync(), "to send the body");
            var body = new byte[ErrorBodyLimit];
            var filled = 0;
            while (filled < body.Length)
            {
                var offset = filled;
                var read = Wait(token => stream.ReadAsync(body, offset, body.Length - offset, token), "to send the body");
                if (read == 0)
                {
                    break;
                }
                filled += read;
            }
            Array.Resize(ref body, filled);
            return body;
        }
        catch (LinerApiException)
        {
            // An error body that does not arrive still leaves the status to report.
            return new byte[0];
        }
    }

    /// <summary>What an error response's body says: Liner's message, an HTML page's title, or nothing.</summary>
    internal static string? DescribeErrorBody(byte[] body, out string? serverMessage)
    {
        serverMessage = null;
        if (body.Length == 0)
        {
            return null;
        }
        try
        {
            var envelope = new EnvelopeParser(null);
            envelope.Feed(body, isFinalBlock: true);
            serverMessage = string.IsNullOrWhiteSpace(envelope.Message) ? null : envelope.Message;
            return serverMessage is null ? null : $"Liner said: {serverMessage}";
        }
        catch (Exception error) when (error is JsonException or ResponseShapeException)
        {
            var text = Encoding.UTF8.GetString(body);
            var title = HtmlTitle(text);
            return title is null ? null : $"The body is an HTML page titled '{title}'.";
        }
    }

    private static string DescribeUnreadable(string head, long total, JsonException error)
    {
        var trimmed = head.TrimStart();
        if (trimmed.StartsWith("<", StringComparison.Ordinal))
        {
            var title = HtmlTitle(head);
            return title is null ? "the body is an HTML or XML page, not JSON" : $"the body is an HTML page titled '{title}', not JSON";
        }
        return error.BytePositionInLine is { } position
            ? $"the body is not valid JSON (line {(error.LineNumber ?? 0) + 1}, byte {position + 1}, {total:N0} bytes read)"
            : "the body is not valid JSON";
    }

    private static string? HtmlTitle(string html)
    {
        var start = html.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }
        start += "<title>".Length;
        var end = html.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        if (end < 0)
        {
            return null;
        }
        var title = WebUtility.HtmlDecode(html.Substring(start, end - start)).Trim();
        return title.Length > 120 ? title.Substring(0, 120) + "…" : title;
    }

    internal static bool IsSameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
