using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Liner.PowerShell.Api;

/// <summary>
/// Threads of the module's own for work that blocks while it waits for the server (pages read ahead):
/// on the thread pool, six such waits starve the pool that the waits themselves complete on (a cold
/// process read 50 pages in 5 s instead of 0.4 s), and a thread per page costs its start and loses the
/// buffer pool's per-thread cache (64 KB allocated per page). These threads are made once, on first
/// use, and serve every list of the process.
/// </summary>
internal sealed class BlockingWorkScheduler : TaskScheduler
{
    /// <summary>Enough for the read-ahead of one list, with room for a second list at the same time.</summary>
    private const int Threads = 8;

    public static readonly BlockingWorkScheduler Instance = new();

    private readonly BlockingCollection<Task> _queue = new();
    private int _started;

    public override int MaximumConcurrencyLevel => Threads;

    protected override void QueueTask(Task task)
    {
        if (Interlocked.CompareExchange(ref _started, 1, 0) == 0)
        {
            for (var i = 0; i < Threads; i++)
            {
                new Thread(Run) { IsBackground = true, Name = "Liner.PowerShell read-ahead" }.Start();
            }
        }
        _queue.Add(task);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Run()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
