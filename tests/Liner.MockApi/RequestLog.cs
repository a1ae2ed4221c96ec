using System.Collections.Concurrent;

namespace Liner.MockApi;

/// <summary>One request as the mock saw it, for tests that assert what the module sent.</summary>
internal sealed record LoggedRequest(string Scheme, string Method, string Path, string Query, bool ApiKeyPresent, bool ApiKeyAccepted, string? ApiKey, string? Accept, string? UserAgent, string ConnectionId)
{
    /// <summary>When the request arrived (UTC): tests measure the waits between attempts with it.</summary>
    public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;

    /// <summary>HTTP/1.1 or HTTP/2.</summary>
    public string? Protocol { get; set; }

    /// <summary>The length of the 200 body the mock began to send (0 when it sent none).</summary>
    public long BodyLength { get; set; }

    /// <summary>How much of that body the client had taken when the mock stopped writing: all of it, or less when the client went away.</summary>
    public long BodyBytesSent { get; set; }

    /// <summary>The body the request carried (a write's JSON), as text; null when it carried none.</summary>
    public string? Body { get; set; }
}

/// <summary>
/// Every request since the last clear, served at /_mock/requests, the counters that faults such
/// as <c>status=503/times=2</c> count with, and the TCP connections each listener accepted (at
/// /_mock/connections; a refused TLS handshake is a connection without a request): clearing starts
/// them all again, so one test's requests never use up another's faults.
/// </summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _connections = new();

    public void AddConnection(string listener) => _connections.AddOrUpdate(listener, 1, (_, count) => count + 1);

    public Dictionary<string, int> Connections() => new(_connections);

    /// <summary>Logs a request; its body writers find the entry again with <see cref="Of"/>.</summary>
    public void Add(HttpContext context, LoggedRequest request)
    {
        context.Items[typeof(LoggedRequest)] = request;
        request.Protocol = context.Request.Protocol;
        _requests.Enqueue(request);
    }

    /// <summary>The log entry of the request being answered, if it was logged.</summary>
    public static LoggedRequest? Of(HttpContext context) => context.Items.TryGetValue(typeof(LoggedRequest), out var entry) ? entry as LoggedRequest : null;

    public LoggedRequest[] Snapshot() => _requests.ToArray();

    /// <summary>How many times (this one included) a request with this key has come since the last clear.</summary>
    public int CountAttempt(string key) => _attempts.AddOrUpdate(key, 1, (_, count) => count + 1);

    public void Clear()
    {
        _requests.Clear();
        _attempts.Clear();
        _connections.Clear();
    }
}
