using System;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Turns what went wrong with one request into the <see cref="LinerApiException"/> a user reads: a
/// status and its body (Liner's message, an HTML page's title), a timeout, a network failure (in
/// RequestFailures.Network.cs, with certificates and proxies), or a body the module cannot read. Every
/// message is "&lt;method&gt; &lt;path&gt; &lt;what&gt;" and has a recommended action. Besides the words it records
/// the facts (status, how far the request got, whether the cause may pass) that <see cref="RetryPolicy"/>
/// alone decides on. What the server sent arrives here already scrubbed of the key (<see cref="KeyScrubber"/>).
/// </summary>
internal sealed partial class RequestFailures
{
    /// <summary>What to do about an answer that is not what the Liner API sends.</summary>
    internal const string CheckHostAction = "Check that the API host (and path prefix) given to Connect-Liner point at the Liner API itself, not a proxy or login page; if they do, report the response to Liner.";

    private readonly LinerConnection _connection;
    private readonly RetryPolicy _retry;
    private readonly string _method;
    private readonly Func<Uri?> _target;
    private readonly Func<long> _bodyBytes;

    public RequestFailures(LinerConnection connection, RetryPolicy retry, string method, Func<Uri?> target, Func<long> bodyBytes)
    {
        _connection = connection;
        _retry = retry;
        _method = method;
        _target = target;
        _bodyBytes = bodyBytes;
    }

    /// <summary>Where the failed request went: the API host, or a file's host.</summary>
    private Uri Target => _target() ?? _connection.BaseUri;

    private string Origin => Target.GetLeftPart(UriPartial.Authority);

    /// <summary>The proxy the failed request went through, or null.</summary>
    private Uri? Proxy => _connection.ProxySettings.ProxyFor(Target);

    private string ProxyName => Proxy!.GetLeftPart(UriPartial.Authority);

    public LinerApiException Fail(
        string errorId,
        ErrorCategory category,
        string what,
        int? status = null,
        string? serverMessage = null,
        string recommendedAction = CheckHostAction,
        bool mayPass = false,
        Delivery delivery = Delivery.Answered,
        TimeSpan? retryAfter = null) =>
        new(errorId, category, $"{_method} {Target.AbsolutePath} {what}", _method, Target.AbsolutePath, status, serverMessage, recommendedAction)
        {
            MayPass = mayPass,
            Delivery = delivery,
            RetryAfter = retryAfter,
        };

    /// <summary>
    /// A non-2xx response, with what its <paramref name="body"/> says. <paramref name="alsoTried"/> names
    /// another path that was asked first and failed the same way.
    /// </summary>
    public LinerApiException StatusError(ResponseHead response, byte[] body, string? alsoTried = null)
    {
        var status = response.Status;
        if (Proxy is not null && (status == 407 || (status == 401 && SentProxyCredentials && !IsJsonObject(body))))
        {
            // 407 is the proxy's; some proxies (tinyproxy) answer credentials they refuse with 401,
            // where Liner's own 401 is a JSON envelope.
            return ProxyAuthenticationRequired(status);
        }
        var described = DescribeErrorBody(body, out var serverMessage);
        var said = (described is null ? string.Empty : " " + described)
            + (alsoTried is null ? string.Empty : $" {alsoTried} was tried first and answered {status} too.")
            + (serverMessage is null && Proxy is not null ? $" The answer came through the proxy {ProxyName}, which may have sent it itself." : string.Empty);

        if (status is 401 or 403)
        {
            return Fail(
                LinerErrorIds.AuthenticationFailed,
                status == 401 ? ErrorCategory.AuthenticationError : ErrorCategory.PermissionDenied,
                $"was refused with {status} {response.Reason}: the API key was not accepted.{said}",
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
            $"failed with {status} {response.Reason}.{said}",
            status,
            serverMessage,
            action,
            mayPass: RetryPolicy.IsPassingStatus(status),
            retryAfter: _retry.ParseRetryAfter(response.RetryAfter));
    }

    public LinerApiException InvalidResponse(string what) => Fail(
        LinerErrorIds.InvalidResponse,
        ErrorCategory.InvalidResult,
        $"answered with a response the module cannot read: {what}.");

    /// <summary>
    /// The one translation of what the parser met in a body (<paramref name="error"/>: not JSON, or JSON
    /// that is not what Liner sends) into the error a person reads.
    /// </summary>
    public LinerApiException Unreadable(Exception error, ResponseBody body) => error is JsonException json
        ? Unreadable(body.Head, body.Total, json)
        : InvalidResponse(body.Total == 0 ? "the body is empty" : $"{error.Message} (after {body.Total:N0} bytes)");

    /// <summary>A body that is not JSON, or not JSON the module can follow, described for a person.</summary>
    public LinerApiException Unreadable(string head, long total, JsonException error)
    {
        var trimmed = head.TrimStart();
        if (total == 0)
        {
            return InvalidResponse("the body is empty");
        }
        if (trimmed.StartsWith("<", StringComparison.Ordinal))
        {
            var title = HtmlTitle(head);
            return InvalidResponse(title is null ? "the body is an HTML or XML page, not JSON" : $"the body is an HTML page titled '{title}', not JSON");
        }
        if (error.Message.IndexOf("depth", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return InvalidResponse($"the JSON is nested too deeply (more than {EnvelopeReader.MaxDepth} levels; {total:N0} bytes read)");
        }
        return InvalidResponse(error.BytePositionInLine is { } position
            ? $"the body is not valid JSON (line {(error.LineNumber ?? 0) + 1}, byte {position + 1}, {total:N0} bytes read)"
            : "the body is not valid JSON");
    }

    /// <summary>
    /// Throws when a complete envelope is not a result: <c>success: false</c> (with Liner's message),
    /// no <c>data</c>, or <c>data</c> of another shape than <paramref name="expected"/> describes.
    /// </summary>
    public void EnsureResult(EnvelopeReader envelope, Func<DataShape, bool> acceptable, string expected)
    {
        if (envelope.Success == false)
        {
            var message = string.IsNullOrWhiteSpace(envelope.Message) ? null : envelope.Message;
            throw Fail(
                LinerErrorIds.ApiError,
                ErrorCategory.InvalidOperation,
                message is null ? "was answered with success: false and no message." : $"was answered with an error: {message}",
                serverMessage: message,
                recommendedAction: "Liner refused the request (its message says why): check the integration and the account in Liner's web interface, then try again.");
        }
        if (envelope.DataToken == JsonTokenType.None)
        {
            throw InvalidResponse(envelope.Success is null ? "the body is JSON, but not the {\"success\", \"message\", \"data\"} object Liner sends" : "the body has no 'data'");
        }
        if (!acceptable(envelope.Shape))
        {
            throw InvalidResponse($"'data' is {JsonValueReader.Describe(envelope.DataToken)} where {expected} was expected");
        }
    }

    /// <summary>The server did not answer in time; while <paramref name="sending"/>, it may have received the request.</summary>
    public LinerApiException TimedOut(string what, bool whole, bool sending)
    {
        var via = Proxy is null ? string.Empty : $" (through the proxy {ProxyName})";
        return Fail(
            LinerErrorIds.Timeout,
            ErrorCategory.OperationTimeout,
            whole
                ? $"timed out: the whole response took longer than {ServerWait.ResponseTimeoutFactor} × {_connection.TimeoutSec} s of waiting for the server{via}."
                : $"timed out: the server took longer than {_connection.TimeoutSec} s {what}{via}.",
            recommendedAction: $"Check that {_connection.ApiHost} is the Liner API host and can be reached from this computer{(Proxy is null ? " (and through any proxy)" : $" through the proxy {ProxyName}")}; if the server is only slow, run Connect-Liner again with a larger -TimeoutSec.",
            mayPass: true,
            delivery: sending ? Delivery.MaybeReceived : Delivery.Answered);
    }

    /// <summary>What an error response's body says: Liner's message, an HTML page's title, or nothing.</summary>
    internal static string? DescribeErrorBody(byte[] body, out string? serverMessage)
    {
        serverMessage = null;
        if (body.Length == 0)
        {
            return null;
        }
        if (TryReadMessage(body, out var message))
        {
            serverMessage = string.IsNullOrWhiteSpace(message) ? null : message;
            return serverMessage is null ? null : $"Liner said: {serverMessage}";
        }
        var title = HtmlTitle(Encoding.UTF8.GetString(body));
        return title is null ? null : $"The body is an HTML page titled '{title}'.";
    }

    /// <summary>The top-level <c>message</c> of a whole JSON envelope; false when the body is not a JSON object.</summary>
    private static bool TryReadMessage(byte[] body, out string? message)
    {
        message = null;
        try
        {
            var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMessage = reader.ValueTextEquals("message"u8);
                reader.Read();
                if (isMessage && reader.TokenType == JsonTokenType.String)
                {
                    message = reader.GetString();
                }
                reader.Skip();
            }
            return true;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return false;
        }
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
}
