using System;
using System.Management.Automation;

namespace Liner.PowerShell.Api;

/// <summary>How far a failed request got: whether the server may have acted on it.</summary>
internal enum Delivery
{
    /// <summary>The request certainly never reached the server (refused connection, unknown host, TLS refused).</summary>
    NotSent,

    /// <summary>The request may have reached the server, and no answer came (timeout, connection lost).</summary>
    MaybeReceived,

    /// <summary>The server answered (a status, a body).</summary>
    Answered,
}

/// <summary>
/// A failed call to the Liner API, already phrased for a person: its message names the request
/// (method and path, never the key) and what went wrong. Cmdlets turn it into an ErrorRecord.
/// Besides the words, it keeps the facts <see cref="RetryPolicy"/> decides on: the status, how far the
/// request got, whether the cause may pass, and how long the server asked to wait.
/// </summary>
public sealed class LinerApiException : Exception
{
    internal LinerApiException(
        string errorId,
        ErrorCategory category,
        string message,
        string? method = null,
        string? path = null,
        int? statusCode = null,
        string? serverMessage = null,
        string? recommendedAction = null)
        : base(message)
    {
        ErrorId = errorId;
        Category = category;
        Method = method;
        Path = path;
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        RecommendedAction = recommendedAction;
    }

    /// <summary>One of <see cref="LinerErrorIds"/>.</summary>
    public string ErrorId { get; }

    public ErrorCategory Category { get; }

    /// <summary>The HTTP method of the failed request, when there was one.</summary>
    public string? Method { get; }

    /// <summary>The path of the failed request below the host, when there was one.</summary>
    public string? Path { get; }

    /// <summary>The HTTP status code, when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>Liner's own <c>message</c>, when the server sent one.</summary>
    public string? ServerMessage { get; }

    public string? RecommendedAction { get; }

    /// <summary>Whether the cause may pass (a 503, a timeout, a refused connection), so the same request may succeed later.</summary>
    internal bool MayPass { get; init; }

    /// <summary>How far the request got.</summary>
    internal Delivery Delivery { get; init; } = Delivery.Answered;

    /// <summary>How long the server asked to wait before trying again (Retry-After), when it said.</summary>
    internal TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Whether the server may have done what was asked even so: no answer came after sending, or a
    /// 5xx, a 408, or an answer that could not be read. A refusal (4xx, <c>success: false</c>) or a
    /// request that never left did nothing. A write that failed this way is never sent again by itself.
    /// </summary>
    internal bool MayHaveActed =>
        Delivery == Delivery.MaybeReceived
        || StatusCode is >= 500 or 408
        || (Delivery == Delivery.Answered && StatusCode is null && ErrorId != LinerErrorIds.ApiError);

    /// <summary>The same failure, saying that it is the last of <paramref name="attempts"/> attempts made over <paramref name="elapsed"/>.</summary>
    internal LinerApiException AfterAttempts(int attempts, TimeSpan elapsed) =>
        With($"{Message.TrimEnd()} ({attempts} attempts in {elapsed.TotalSeconds:0} s.)", ErrorId, RecommendedAction);

    /// <summary>The same failure with <paramref name="prefix"/> in front of its message (what it happened to: "Row 3 (+7...): ").</summary>
    internal LinerApiException For(string prefix, string? errorId = null, string? recommendedAction = null) =>
        With(prefix + Message, errorId ?? ErrorId, recommendedAction ?? RecommendedAction);

    private LinerApiException With(string message, string errorId, string? recommendedAction) =>
        new(errorId, Category, message, Method, Path, StatusCode, ServerMessage, recommendedAction)
        {
            MayPass = MayPass,
            Delivery = Delivery,
            RetryAfter = RetryAfter,
        };

    public ErrorRecord ToErrorRecord(object? target) => CreateErrorRecord(this, ErrorId, Category, target, RecommendedAction);

    /// <summary>An ErrorRecord whose message is the exception's, with what to do when there is something.</summary>
    internal static ErrorRecord CreateErrorRecord(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction)
    {
        var record = new ErrorRecord(exception, errorId, category, target);
        if (recommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
        }
        return record;
    }
}
