using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Liner.MockApi;

/// <summary>
/// The ways the mock misbehaves on purpose, each chosen by a scenario token: redirects, error statuses
/// (with Retry-After), HTML pages, empty bodies, resets, and bodies that stall, stop or break mid-way.
/// </summary>
internal static class Faults
{
    /// <summary>Answers with a redirect when the scenario asks for one.</summary>
    public static bool TryRedirect(HttpContext context, Scenario scenario, string path)
    {
        string? location = null;
        if (scenario.RedirectPort is { } port)
        {
            location = $"http://127.0.0.1:{port}{path.Replace("/redirect=" + port, string.Empty)}";
        }
        else if (scenario.RedirectSame)
        {
            location = path.Replace("/redirect-same", string.Empty);
        }
        else if (scenario.RedirectScheme)
        {
            var other = context.Request.IsHttps ? "http" : "https";
            location = $"{other}://{context.Request.Host}{path.Replace("/redirect-scheme", string.Empty)}";
        }
        if (location is null)
        {
            return false;
        }
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return true;
    }

    /// <summary>A 401 that repeats the key it received: in a header -Debug shows, and in the message or page title.</summary>
    public static async Task EchoKeyAsync(HttpContext context, Scenario scenario, string key)
    {
        if (scenario.Html)
        {
            await WriteHtmlAsync(context, 401, $"Unauthorized: {key}");
            return;
        }
        context.Response.StatusCode = 401;
        context.Response.ContentType = $"application/json; charset=utf-8; echo={key}";
        await context.Response.WriteAsync($"{{\"success\":false,\"message\":{JsonSerializer.Serialize($"Invalid API key '{key}'")},\"data\":null}}");
    }

    /// <summary>
    /// The faults that replace the answer before any body is made: a reset, an error status for the
    /// first <c>times</c> attempts, an HTML page, an empty body. True when one was sent.
    /// </summary>
    public static async Task<bool> TryFailAsync(HttpContext context, Scenario scenario, int attempt, bool failThisPage)
    {
        if (scenario.Reset)
        {
            context.Abort();
            return true;
        }
        var status = scenario.Status ?? (failThisPage ? 503 : null);
        if (status is { } code && attempt <= (scenario.Times ?? int.MaxValue))
        {
            if (scenario.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }
            if (scenario.Html)
            {
                await WriteHtmlAsync(context, code, $"{code} Bad Gateway");
            }
            else
            {
                await WriteEnvelopeAsync(context, code, false, $"Simulated failure {code}", "null");
            }
            return true;
        }
        if (scenario.Html)
        {
            await WriteHtmlAsync(context, 200, "Sign in - Corporate Proxy");
            return true;
        }
        if (scenario.EmptyBody)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            return true;
        }
        return false;
    }

    /// <summary>Writes a 200 body whole, or cut off, broken or stalled half-way as the scenario says.</summary>
    public static async Task WriteBodyAsync(HttpContext context, Scenario scenario, byte[] body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = ContentType(context, "application/json; charset=utf-8");
        if (Quoting(context) is { } quote)
        {
            body = Encoding.UTF8.GetBytes(Quote(Encoding.UTF8.GetString(body), quote));
        }
        if (scenario.Truncate)
        {
            // Ends cleanly after half the body: JSON cut off mid-array.
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            return;
        }
        if (scenario.ResetMid)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        if (scenario.Stall is { } stall)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            await Task.Delay(stall, context.RequestAborted);
            await context.Response.Body.WriteAsync(body.AsMemory(body.Length / 2));
            return;
        }
        context.Response.ContentLength = body.Length;
        await WriteCountedAsync(context, body);
    }

    /// <summary>
    /// Writes a body, noting in the request's log entry how much of it reached the socket before the
    /// client went away: tests see how much a client read after it had had enough.
    /// </summary>
    public static async Task WriteCountedAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        const int Slice = 16 * 1024;
        var entry = RequestLog.Of(context);
        var sent = SentBytes.Of(context);
        var before = sent?.Count ?? 0;
        if (entry is not null)
        {
            entry.BodyLength = body.Length;
        }
        for (var offset = 0; offset < body.Length && !context.RequestAborted.IsCancellationRequested; offset += Slice)
        {
            FlushResult written;
            try
            {
                written = await context.Response.BodyWriter.WriteAsync(body.Slice(offset, Math.Min(Slice, body.Length - offset)), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (written.IsCompleted || written.IsCanceled)
            {
                break;
            }
        }
        if (entry is not null && sent is not null)
        {
            // Once the client has gone, writes go nowhere: what reached the socket is what counts.
            entry.BodyBytesSent = Math.Min(body.Length, sent.Count - before);
        }
    }

    public static async Task WriteEnvelopeAsync(HttpContext context, int status, bool success, string message, string dataJson)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType(context, "application/json; charset=utf-8");
        var json = $"{{\"success\":{(success ? "true" : "false")},\"message\":{JsonSerializer.Serialize(message)},\"data\":{dataJson}}}";
        await context.Response.WriteAsync(Quoting(context) is { } quote ? Quote(json, quote) : json);
    }

    public static async Task WriteHtmlAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType(context, "text/html");
        if (Quoting(context) is { } quote)
        {
            title = quote + title;
        }
        await context.Response.WriteAsync($"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>");
    }

    /// <summary>
    /// With <c>echo-key=quote</c>: the text put in front of every message, quoting the key the request
    /// carried, as a careless server or gateway might; otherwise null.
    /// </summary>
    private static string? Quoting(HttpContext context) =>
        Scenario.Parse(context.Request.Path.Value ?? string.Empty).QuoteKey
            ? $"[X-Api-Key: {context.Request.Headers["X-Api-Key"]}] "
            : null;

    /// <summary>Every JSON "message" of <paramref name="json"/> (the envelope's, each health component's), quoting the key.</summary>
    private static string Quote(string json, string quote) =>
        json.Replace("\"message\":\"", "\"message\":" + JsonSerializer.Serialize(quote)[..^1], StringComparison.Ordinal);

    private static string ContentType(HttpContext context, string type) =>
        Scenario.Parse(context.Request.Path.Value ?? string.Empty).QuoteKey ? $"{type}; echo={context.Request.Headers["X-Api-Key"]}" : type;
}
