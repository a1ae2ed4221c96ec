using System.Collections.Concurrent;

namespace Liner.PowerShell.Api;

/// <summary>
/// The log of work done on another thread (a page read ahead): PowerShell's streams can only be
/// written from the pipeline's thread, so messages wait here until that thread takes the page.
/// </summary>
internal sealed class BufferedLog
{
    private readonly ConcurrentQueue<(bool Verbose, string Text)> _messages = new();

    public BufferedLog()
    {
        Log = new ApiLog(text => _messages.Enqueue((true, text)), text => _messages.Enqueue((false, text)), (_, _) => { });
    }

    public ApiLog Log { get; }

    /// <summary>Writes what was logged, in order, to <paramref name="target"/>.</summary>
    public void Replay(ApiLog target)
    {
        while (_messages.TryDequeue(out var message))
        {
            (message.Verbose ? target.Verbose : target.Debug)(message.Text);
        }
    }
}
