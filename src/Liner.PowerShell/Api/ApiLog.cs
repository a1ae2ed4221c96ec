using System;

namespace Liner.PowerShell.Api;

/// <summary>
/// Where the client says what it does: the cmdlet's verbose, debug and progress streams. Nothing
/// written here contains a request header, and the cmdlet takes the connection's key out of every
/// line (a server may echo it in a header or a message), so the key reaches none of them.
/// </summary>
internal sealed class ApiLog
{
    public static readonly ApiLog None = new(_ => { }, _ => { }, (_, _) => { });

    public ApiLog(Action<string> verbose, Action<string> debug, Action<string?, int> progress)
    {
        Verbose = verbose;
        Debug = debug;
        Progress = progress;
    }

    public Action<string> Verbose { get; }

    public Action<string> Debug { get; }

    /// <summary>What the user is waiting for, with a percentage; null status: the wait is over.</summary>
    public Action<string?, int> Progress { get; }
}
