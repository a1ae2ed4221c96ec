using System;

namespace Liner.PowerShell.Api;

/// <summary>
/// Where the client says what it does: the cmdlet's verbose and debug streams. Nothing written here
/// ever contains a request header, so the key cannot reach either stream.
/// </summary>
internal sealed class ApiLog
{
    public static readonly ApiLog None = new(_ => { }, _ => { });

    public ApiLog(Action<string> verbose, Action<string> debug)
    {
        Verbose = verbose;
        Debug = debug;
    }

    public Action<string> Verbose { get; }

    public Action<string> Debug { get; }
}
