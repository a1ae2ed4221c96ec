using System.Collections.Concurrent;

namespace Liner.MockApi;

/// <summary>One request as the mock saw it, for tests that assert what the module sent.</summary>
internal sealed record LoggedRequest(string Scheme, string Method, string Path, string Query, bool ApiKeyPresent, bool ApiKeyAccepted, string? ApiKey, string? Accept, string? UserAgent, string ConnectionId);

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

    public void Add(LoggedRequest request) => _requests.Enqueue(request);

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
