using System;
using System.Collections.Concurrent;

namespace Liner.PowerShell.Api;

/// <summary>
/// Where the client says what it does: the cmdlet's verbose, debug and progress streams. Nothing
/// written here contains a request header, and whatever the server sent was scrubbed of the key as
/// it arrived (<see cref="KeyScrubber"/>), so the key reaches none of them.
/// </summary>
internal sealed class ApiStreams
{
    public static readonly ApiStreams None = new(_ => { }, _ => { }, (_, _) => { });

    public ApiStreams(Action<string> verbose, Action<string> debug, Action<string?, int> progress)
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

/// <summary>
/// The streams of work done on another thread (a page read ahead, a download, a write): PowerShell's
/// streams can only be written from the pipeline's thread, so messages wait here until that thread
/// replays them. Progress from other threads is dropped: the pipeline thread shows its own.
/// </summary>
internal sealed class BufferedStreams
{
    private readonly ConcurrentQueue<(bool Verbose, string Text)> _messages = new();

    public BufferedStreams()
    {
        Streams = new ApiStreams(text => _messages.Enqueue((true, text)), text => _messages.Enqueue((false, text)), (_, _) => { });
    }

    public ApiStreams Streams { get; }

    /// <summary>Writes what was logged, in order, to <paramref name="target"/>.</summary>
    public void Replay(ApiStreams target)
    {
        while (_messages.TryDequeue(out var message))
        {
            (message.Verbose ? target.Verbose : target.Debug)(message.Text);
        }
    }
}
