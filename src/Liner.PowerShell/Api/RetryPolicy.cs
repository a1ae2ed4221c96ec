using System;
using System.Threading;

namespace Liner.PowerShell.Api;

/// <summary>What a request does to the account, which decides whether it may be sent again.</summary>
internal enum RequestKind
{
    /// <summary>A GET: changes nothing, may be repeated.</summary>
    Read,

    /// <summary>An update with absolute values: repeating it leaves the same result.</summary>
    Update,

    /// <summary>A create: repeating it after it reached the server would create a second item.</summary>
    Create,
}

/// <summary>Waits between attempts. The real one sleeps; tests use a fake that only records.</summary>
internal interface IRetryClock
{
    DateTimeOffset UtcNow { get; }

    void Sleep(TimeSpan delay, CancellationToken cancellation);
}

internal sealed class SystemRetryClock : IRetryClock
{
    public static readonly SystemRetryClock Instance = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public void Sleep(TimeSpan delay, CancellationToken cancellation)
    {
        if (cancellation.WaitHandle.WaitOne(delay))
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }
}

/// <summary>
/// The one place that decides whether a failed request is sent again, and after how long:
/// exponential backoff with jitter, or the server's Retry-After, never longer than <see cref="MaxDelay"/>.
/// One rule per kind of request: a 429 (refused before anything was done) is retried for every kind;
/// other passing failures are retried for reads and updates; a create only when it certainly never
/// reached the server. A 429 also holds every other request of the same cmdlet call for its wait.
/// </summary>
internal sealed class RetryPolicy
{
    private readonly IRetryClock _clock;
    private readonly Func<double> _random;
    private long _heldUntilTicks;

    public RetryPolicy(int maximumRetryCount, IRetryClock? clock = null, Func<double>? random = null)
    {
        MaximumRetryCount = maximumRetryCount;
        _clock = clock ?? SystemRetryClock.Instance;
        _random = random ?? SharedRandom.NextDouble;
    }

    public int MaximumRetryCount { get; }

    public static TimeSpan BaseDelay { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait, whether computed or asked for by Retry-After.</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Statuses that say the server did not (or could not) handle the request now.</summary>
    public static bool IsPassingStatus(int statusCode) =>
        statusCode is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first retry): half to all of
    /// BaseDelay × 2^(retry-1), capped; or Retry-After. Null when the server asks for longer than the cap,
    /// since a shorter wait would only fail again.
    /// </summary>
    public TimeSpan? GetDelay(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            if (asked > MaxDelay)
            {
                return null;
            }
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 16));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * _random())));
    }

    /// <summary>Reads Retry-After as seconds or as an HTTP date, relative to the clock's now.</summary>
    public TimeSpan? ParseRetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - _clock.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>Whether a request of <paramref name="kind"/> that failed with <paramref name="error"/> may be sent again at all.</summary>
    public static bool MayRepeat(RequestKind kind, LinerApiException error) =>
        error.MayPass && (kind != RequestKind.Create || error.StatusCode == 429 || error.Delivery == Delivery.NotSent);

    /// <summary>
    /// Whether attempt number <paramref name="attempt"/>, which failed with <paramref name="error"/>, is
    /// worth another, and how long to wait first; says so in the verbose stream.
    /// </summary>
    public bool ShouldRetry(LinerApiException error, RequestKind kind, int attempt, ApiStreams log, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (!MayRepeat(kind, error))
        {
            if (error.MayPass && kind == RequestKind.Create)
            {
                log.Verbose($"Not sending the create again: it may have reached the server ({error.Message}).");
            }
            return false;
        }
        if (attempt > MaximumRetryCount)
        {
            return false;
        }
        if (GetDelay(attempt, error.RetryAfter) is not { } wait)
        {
            log.Verbose($"Not retrying: the server asked to wait {error.RetryAfter!.Value.TotalSeconds:0} s, longer than the {MaxDelay.TotalSeconds:0} s the module waits.");
            return false;
        }
        delay = wait;
        log.Verbose($"Retry {attempt} of {MaximumRetryCount} in {delay.TotalSeconds:0.0} s{(error.RetryAfter is null ? string.Empty : " (Retry-After)")}: {error.Message}");
        if (error.StatusCode == 429)
        {
            Hold(delay);
        }
        return true;
    }

    /// <summary>Waits before retry number <paramref name="attempt"/>, on the progress bar.</summary>
    public void Wait(TimeSpan delay, int attempt, LinerApiException error, ApiStreams log, CancellationToken cancellation)
    {
        log.Progress($"Retry {attempt} of {MaximumRetryCount} in {delay.TotalSeconds:0.0} s: {error.Message}", 0);
        try
        {
            _clock.Sleep(delay, cancellation);
        }
        finally
        {
            log.Progress(null, 100);
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails for good, or the retries are spent. The
    /// error that ends it says how many attempts were made, and over how long, when there were several.
    /// </summary>
    public T Run<T>(RequestKind kind, Func<int, T> attempt, ApiStreams log, CancellationToken cancellation)
    {
        var started = _clock.UtcNow;
        for (var number = 1; ; number++)
        {
            TimeSpan delay;
            LinerApiException failure;
            try
            {
                return attempt(number);
            }
            catch (LinerApiException error) when (ShouldRetry(error, kind, number, log, out delay))
            {
                failure = error;
            }
            catch (LinerApiException error) when (number > 1)
            {
                throw error.AfterAttempts(number, _clock.UtcNow - started);
            }
            Wait(delay, number, failure, log, cancellation);
        }
    }

    /// <summary>Before a request is sent: waits while a 429 holds every request of this call.</summary>
    public void WaitForHold(ApiStreams log, CancellationToken cancellation)
    {
        var until = new DateTimeOffset(Interlocked.Read(ref _heldUntilTicks), TimeSpan.Zero);
        var wait = until - _clock.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            log.Verbose($"Waiting {wait.TotalSeconds:0.0} s: Liner asked to slow down (429).");
            _clock.Sleep(wait, cancellation);
        }
    }

    private void Hold(TimeSpan delay)
    {
        var until = (_clock.UtcNow + delay).UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _heldUntilTicks)) < until && Interlocked.CompareExchange(ref _heldUntilTicks, until, seen) != seen)
        {
        }
    }

    private static class SharedRandom
    {
        private static readonly Random Random = new();

        public static double NextDouble()
        {
            lock (Random)
            {
                return Random.NextDouble();
            }
        }
    }
}
