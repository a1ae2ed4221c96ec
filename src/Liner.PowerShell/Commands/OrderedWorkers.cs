using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Work on many items (downloads, writes), at most <c>limit</c> at a time on other threads, with the
/// outcomes handed back on the pipeline's thread in the order the items came, each with what its work
/// said to the verbose and debug streams. At most twice the limit wait unfinished, so memory stays
/// flat however many items come.
/// </summary>
internal sealed class OrderedWorkers<TIn, TOut> : IDisposable
{
    private readonly Queue<Entry> _pending = new();
    private readonly SemaphoreSlim _slots;
    private readonly Func<TIn, ApiStreams, TOut> _work;
    private readonly CancellationToken _cancellation;
    private readonly int _limit;

    public OrderedWorkers(int limit, Func<TIn, ApiStreams, TOut> work, CancellationToken cancellation)
    {
        _limit = Math.Max(1, limit);
        _slots = new SemaphoreSlim(_limit);
        _work = work;
        _cancellation = cancellation;
    }

    /// <summary>One item's outcome: its result, or the exception its work ended with.</summary>
    public sealed class Entry
    {
        internal Entry(TIn input, Task<TOut> task, BufferedStreams streams)
        {
            Input = input;
            Task = task;
            Streams = streams;
        }

        public TIn Input { get; }

        internal Task<TOut> Task { get; }

        internal BufferedStreams Streams { get; }

        public TOut Result => Task.Result;

        /// <summary>What the work failed with, unwrapped; null when it succeeded.</summary>
        public Exception? Error => Task.IsFaulted ? Task.Exception!.GetBaseException() : Task.IsCanceled ? new OperationCanceledException() : null;
    }

    public int Pending => _pending.Count;

    /// <summary>Starts the work on <paramref name="item"/> once a worker is free.</summary>
    public void Add(TIn item)
    {
        var streams = new BufferedStreams();
        var task = Task.Run(
            () =>
            {
                _slots.Wait(_cancellation);
                try
                {
                    _cancellation.ThrowIfCancellationRequested();
                    return _work(item, streams.Streams);
                }
                finally
                {
                    _slots.Release();
                }
            },
            CancellationToken.None);
        _pending.Enqueue(new Entry(item, task, streams));
    }

    /// <summary>
    /// The finished outcomes at the head, in input order; with <paramref name="all"/> it waits for every
    /// one, otherwise only while more than twice the limit are waiting. <paramref name="waiting"/> hears
    /// each wait's progress; <paramref name="streams"/> gets each item's messages as it is handed back.
    /// </summary>
    public IEnumerable<Entry> Finished(bool all, ApiStreams streams, Action<TimeSpan>? waiting = null)
    {
        while (_pending.Count > 0)
        {
            var head = _pending.Peek();
            if (!head.Task.IsCompleted)
            {
                if (!all && _pending.Count <= 2 * _limit)
                {
                    yield break;
                }
                Waiting.For(head.Task, waiting ?? (_ => { }), TimeSpan.FromMilliseconds(250));
            }
            _pending.Dequeue();
            head.Streams.Replay(streams);
            yield return head;
        }
    }

    public void Dispose()
    {
        // Work still running after Ctrl+C ends with the cancellation; its outcome is of no interest.
        foreach (var entry in _pending)
        {
            entry.Task.ContinueWith(task => _ = task.Exception, TaskScheduler.Default);
        }
        _pending.Clear();
    }
}
