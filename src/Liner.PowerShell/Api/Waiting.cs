using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Liner.PowerShell.Api;

/// <summary>
/// The one loop that waits on the pipeline's thread for work done elsewhere (an answer from the
/// server, a page read ahead, a download), saying every <paramref name="interval"/> how long it has waited.
/// </summary>
internal static class Waiting
{
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(750);

    /// <summary>Waits for <paramref name="task"/>; <paramref name="still"/> hears the time waited so far, each interval; true when it ever did.</summary>
    public static bool For(Task task, Action<TimeSpan> still, TimeSpan? interval = null)
    {
        var watch = Stopwatch.StartNew();
        var reported = false;
        while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(interval ?? ProgressInterval))
        {
            still(watch.Elapsed);
            reported = true;
        }
        return reported;
    }
}
