using System.Collections.Concurrent;

namespace Liner.MockApi;

/// <summary>One request as the mock saw it, for tests that assert what the module sent.</summary>
internal sealed record LoggedRequest(string Method, string Path, bool ApiKeyPresent, bool ApiKeyAccepted, string? ApiKey, string? Accept, string? UserAgent, string ConnectionId);

/// <summary>Every request since the last clear, served at /_mock/requests.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();

    public void Add(LoggedRequest request) => _requests.Enqueue(request);

    public LoggedRequest[] Snapshot() => _requests.ToArray();

    public void Clear() => _requests.Clear();
}
