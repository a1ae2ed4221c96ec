using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Work on many items (downloads, writes) on <c>limit</c> worker threads of their own, with the
/// outcomes handed back on the pipeline's thread in the order the items came, each with what its work
/// said to the verbose and debug streams. At most twice the limit wait unfinished, so memory stays
/// flat however many items come. The workers are threads of their own, not the pool's: their work
/// blocks while it waits for the server, and blocked pool threads would starve the pool that those
/// waits complete on.
/// </summary>
internal sealed class OrderedWorkers<TIn, TOut> : IDisposable
{
    private readonly Queue<Entry> _pending = new();
    private readonly BlockingCollection<Entry> _queue = new();
    private readonly Func<TIn, ApiStreams, TOut> _work;
    private readonly CancellationToken _cancellation;
    private readonly int _limit;
    private readonly List<Thread> _threads = new();

    public OrderedWorkers(int limit, Func<TIn, ApiStreams, TOut> work, CancellationToken cancellation)
    {
        _limit = Math.Max(1, limit);
        _work = work;
        _cancellation = cancellation;
    }

    /// <summary>One item's outcome: its result, or the exception its work ended with.</summary>
    public sealed class Entry
    {
        internal Entry(TIn input)
        {
            Input = input;
        }

        public TIn Input { get; }

        internal TaskCompletionSource<TOut> Outcome { get; } = new();

        internal BufferedStreams Streams { get; } = new();

        public TOut Result => Outcome.Task.Result;

        /// <summary>What the work failed with, unwrapped; null when it succeeded.</summary>
        public Exception? Error => Outcome.Task.IsFaulted ? Outcome.Task.Exception!.GetBaseException() : Outcome.Task.IsCanceled ? new OperationCanceledException() : null;
    }

    public int Pending => _pending.Count;

    /// <summary>Queues the work on <paramref name="item"/>; a worker takes it when it is free.</summary>
    public void Add(TIn item)
    {
        var entry = new Entry(item);
        _pending.Enqueue(entry);
        if (_threads.Count < _limit)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = "Liner.PowerShell worker" };
            _threads.Add(thread);
            thread.Start();
        }
        _queue.Add(entry);
    }

    /// <summary>An item that failed before any work (it was refused): its outcome takes its turn among the others.</summary>
    public void AddFailed(TIn item, Exception error)
    {
        var entry = new Entry(item);
        entry.Outcome.SetException(error);
        _pending.Enqueue(entry);
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
            if (!head.Outcome.Task.IsCompleted)
            {
                if (!all && _pending.Count <= 2 * _limit)
                {
                    yield break;
                }
                Waiting.For(head.Outcome.Task, waiting ?? (_ => { }), TimeSpan.FromMilliseconds(250));
            }
            _pending.Dequeue();
            head.Streams.Replay(streams);
            yield return head;
        }
    }

    /// <summary>
    /// Ends the work: what is still queued is never started (after a failure under -ErrorAction Stop,
    /// rows that no one will hear of must not be sent); what is running finishes, or ends with Ctrl+C.
    /// </summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        while (_queue.TryTake(out var entry))
        {
            entry.Outcome.TrySetCanceled();
        }
        _pending.Clear();
    }

    private void Work()
    {
        try
        {
            foreach (var entry in _queue.GetConsumingEnumerable(_cancellation))
            {
                try
                {
                    _cancellation.ThrowIfCancellationRequested();
                    entry.Outcome.SetResult(_work(entry.Input, entry.Streams.Streams));
                }
                catch (Exception error)
                {
                    entry.Outcome.SetException(error);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the items still queued are never started, and say so to the pipeline thread waiting for them.
            while (_queue.TryTake(out var entry))
            {
                entry.Outcome.TrySetCanceled();
            }
        }
    }
}
