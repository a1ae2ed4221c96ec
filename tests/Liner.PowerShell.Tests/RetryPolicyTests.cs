using System.Management.Automation;
using System.Net.Http.Headers;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class RetryPolicyTests
{
    private sealed class FakeClock : IRetryClock
    {
        public DateTimeOffset UtcNow { get; set; } = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

        public List<TimeSpan> Sleeps { get; } = new();

        public void Sleep(TimeSpan delay, CancellationToken cancellation)
        {
            Sleeps.Add(delay);
            UtcNow += delay;
        }
    }

    private static LinerApiException Transient(TimeSpan? retryAfter = null) =>
        new(LinerErrorIds.HttpError, ErrorCategory.ResourceUnavailable, "GET /v2/sip-endpoints/ failed with 503") { MayPass = true, RetryAfter = retryAfter };

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(501, false)]
    public void RetriesOnlyTransientStatuses(int status, bool retryable) => Assert.Equal(retryable, RetryPolicy.IsPassingStatus(status));

    [Fact]
    public void BackoffDoublesWithJitterBetweenHalfAndAllOfTheStep()
    {
        var low = new RetryPolicy(5, new FakeClock(), () => 0.0);
        var high = new RetryPolicy(5, new FakeClock(), () => 1.0);
        Assert.Equal(TimeSpan.FromMilliseconds(250), low.GetDelay(1, null));
        Assert.Equal(TimeSpan.FromMilliseconds(500), high.GetDelay(1, null));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), high.GetDelay(2, null));
        Assert.Equal(TimeSpan.FromMilliseconds(2000), high.GetDelay(3, null));
        Assert.Equal(RetryPolicy.MaxDelay, high.GetDelay(30, null));
    }

    [Fact]
    public void RetryAfterWinsWithinTheCapAndBeyondItStopsRetrying()
    {
        var policy = new RetryPolicy(3, new FakeClock(), () => 0.5);
        Assert.Equal(TimeSpan.FromSeconds(7), policy.GetDelay(1, TimeSpan.FromSeconds(7)));
        Assert.Null(policy.GetDelay(1, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void ParsesRetryAfterAsSecondsOrAsAnHttpDate()
    {
        var clock = new FakeClock();
        var policy = new RetryPolicy(3, clock);
        Assert.Equal(TimeSpan.FromSeconds(12), policy.ParseRetryAfter(RetryConditionHeaderValue.Parse("12")));
        Assert.Equal(TimeSpan.FromSeconds(20), policy.ParseRetryAfter(new RetryConditionHeaderValue(clock.UtcNow.AddSeconds(20))));
        Assert.Equal(TimeSpan.Zero, policy.ParseRetryAfter(new RetryConditionHeaderValue(clock.UtcNow.AddSeconds(-20))));
        Assert.Null(policy.ParseRetryAfter(null));
    }

    [Fact]
    public void RunRetriesUpToTheMaximumThenThrowsTheLastFailure()
    {
        var clock = new FakeClock();
        var policy = new RetryPolicy(3, clock, () => 1.0);
        var attempts = 0;
        var messages = new List<string>();
        Assert.Throws<LinerApiException>(() => policy.Run<int>(RequestKind.Read, _ => { attempts++; throw Transient(); }, new ApiStreams(messages.Add, _ => { }, (_, _) => { }), CancellationToken.None));
        Assert.Equal(4, attempts);
        Assert.Equal(new[] { 0.5, 1.0, 2.0 }, clock.Sleeps.Select(s => s.TotalSeconds));
        Assert.Equal(3, messages.Count);
        Assert.All(messages, message => Assert.Contains("503", message));
    }

    [Fact]
    public void RunSucceedsAfterATransientFailureAndHonoursRetryAfter()
    {
        var clock = new FakeClock();
        var policy = new RetryPolicy(3, clock);
        var result = policy.Run(RequestKind.Read, attempt => attempt < 2 ? throw Transient(TimeSpan.FromSeconds(3)) : attempt, ApiStreams.None, CancellationToken.None);
        Assert.Equal(2, result);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, clock.Sleeps);
    }

    [Fact]
    public void RunDoesNotRetryPermanentFailures()
    {
        var policy = new RetryPolicy(3, new FakeClock());
        var attempts = 0;
        Assert.Throws<LinerApiException>(() => policy.Run<int>(RequestKind.Read, _ =>
        {
            attempts++;
            throw new LinerApiException(LinerErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError, "refused");
        }, ApiStreams.None, CancellationToken.None));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public void TheWholeCallIsBoundedByRetriesAndTheCap()
    {
        var clock = new FakeClock();
        var policy = new RetryPolicy(10, clock, () => 1.0);
        Assert.Throws<LinerApiException>(() => policy.Run<int>(RequestKind.Read, _ => throw Transient(), ApiStreams.None, CancellationToken.None));
        Assert.Equal(10, clock.Sleeps.Count);
        Assert.True(clock.Sleeps.Sum(s => s.TotalSeconds) <= 10 * RetryPolicy.MaxDelay.TotalSeconds);
    }
}
