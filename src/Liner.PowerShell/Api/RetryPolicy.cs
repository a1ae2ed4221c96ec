using System;
using System.Threading;

namespace Liner.PowerShell.Api;

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
/// When and how long to wait before trying a failed GET again: exponential backoff with jitter,
/// or the server's Retry-After when it sent one, never longer than <see cref="MaxDelay"/>.
/// </summary>
internal sealed class RetryPolicy
{
    private readonly IRetryClock _clock;
    private readonly Func<double> _random;

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

    public static bool IsRetryableStatus(int statusCode) =>
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

    /// <summary>
    /// Whether attempt number <paramref name="attempt"/>, which failed with <paramref name="error"/>, is
    /// worth another, and how long to wait first; says so in the verbose stream.
    /// </summary>
    public bool ShouldRetry(LinerApiException error, int attempt, ApiLog log, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (!error.IsTransient || attempt > MaximumRetryCount)
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
        return true;
    }

    /// <summary>Waits before retry number <paramref name="attempt"/>, on the progress bar.</summary>
    public void Wait(TimeSpan delay, int attempt, LinerApiException error, ApiLog log, CancellationToken cancellation)
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

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, fails for good, or the retries are spent.</summary>
    public T Run<T>(Func<int, T> attempt, ApiLog log, CancellationToken cancellation)
    {
        for (var number = 1; ; number++)
        {
            TimeSpan delay;
            LinerApiException failure;
            try
            {
                return attempt(number);
            }
            catch (LinerApiException error) when (ShouldRetry(error, number, log, out delay))
            {
                failure = error;
            }
            Wait(delay, number, failure, log, cancellation);
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
