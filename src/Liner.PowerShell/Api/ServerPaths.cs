using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Liner.PowerShell.Api;

/// <summary>
/// Which route of each list a connection's server answered (the first, the other spelling, or an older
/// Liner's list): learnt once, on a 404, and used for every later call on that connection. Kept beside
/// the connection, not in it: it is what the module learnt about a server, not a setting of the user's.
/// </summary>
internal static class ServerPaths
{
    private static readonly ConditionalWeakTable<LinerConnection, ConcurrentDictionary<string, Route>> Known = new();

    /// <summary>The route that answered last for <paramref name="endpoint"/>, or null when nothing is known yet.</summary>
    public static Route? Answered(LinerConnection connection, Endpoint endpoint) =>
        Known.TryGetValue(connection, out var routes) && routes.TryGetValue(endpoint.List.Path, out var route) ? route : null;

    public static void Remember(LinerConnection connection, Endpoint endpoint, Route route) =>
        Known.GetValue(connection, _ => new ConcurrentDictionary<string, Route>())[endpoint.List.Path] = route;
}
