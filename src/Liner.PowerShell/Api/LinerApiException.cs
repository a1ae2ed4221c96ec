using System;
using System.Management.Automation;

namespace Liner.PowerShell.Api;

/// <summary>
/// A failed call to the Liner API, already phrased for a person: its message names the request
/// (method and path, never the key) and what went wrong. Cmdlets turn it into an ErrorRecord.
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

    /// <summary>Whether the request may succeed if tried again (set by the client for transient failures).</summary>
    internal bool IsTransient { get; init; }

    /// <summary>How long the server asked to wait before trying again (Retry-After), when it said.</summary>
    internal TimeSpan? RetryAfter { get; init; }

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
