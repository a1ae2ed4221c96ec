using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Liner.PowerShell.Api;

/// <summary>
/// Which spelling of an endpoint's path (plural or singular) each connection's server answered:
/// learnt once, on a 404, and used for every later call on that connection. Kept beside the
/// connection, not in it: it is what the module learnt about a server, not a setting of the user's.
/// </summary>
internal static class PathSpellings
{
    private static readonly ConditionalWeakTable<LinerConnection, ConcurrentDictionary<string, string>> Known = new();

    /// <summary>The path that answered last for <paramref name="endpoint"/>, or null when nothing is known yet.</summary>
    public static string? Answered(LinerConnection connection, ListEndpoint endpoint) =>
        Known.TryGetValue(connection, out var paths) && paths.TryGetValue(endpoint.Path, out var path) ? path : null;

    public static void Remember(LinerConnection connection, ListEndpoint endpoint, string path) =>
        Known.GetValue(connection, _ => new ConcurrentDictionary<string, string>())[endpoint.Path] = path;
}
