using System.Threading;

namespace Liner.PowerShell.Commands;

/// <summary>
/// The session default connection. It is process-wide, as Az and Microsoft.Graph keep theirs, so
/// runspaces started by ForEach-Object -Parallel or a runbook's jobs see what Connect-Liner set.
/// </summary>
internal static class LinerSession
{
    private static LinerConnection? _default;

    public static LinerConnection? Default => Volatile.Read(ref _default);

    public static void SetDefault(LinerConnection connection) => Volatile.Write(ref _default, connection);

    /// <summary>Clears the default if it is <paramref name="connection"/> (or any, when null); returns what was cleared.</summary>
    public static LinerConnection? Clear(LinerConnection? connection = null)
    {
        var current = Default;
        if (current is null || (connection is not null && !ReferenceEquals(current, connection)))
        {
            return null;
        }
        return Interlocked.CompareExchange(ref _default, null, current) == current ? current : null;
    }
}
