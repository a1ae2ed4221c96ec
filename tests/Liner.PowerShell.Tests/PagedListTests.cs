using System.Text.Json;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

/// <summary>
/// The paged reader over real HTTP against tests/Liner.MockApi's paged <c>/v2/order/</c>: every way a
/// list can end, read-ahead order, early stop, retries per page, and a failure part-way.
/// </summary>
[Collection(nameof(MockServerCollection))]
public sealed class PagedListTests
{
    private static readonly Endpoint Orders = Endpoint.Of<Order>();
    private readonly MockServer _mock;

    /// <summary>The waits between attempts, recorded instead of slept: the Pester tests measure real ones.</summary>
    private readonly FakeClock _clock = new();

    public PagedListTests(MockServer mock)
    {
        _mock = mock;
    }

    /// <summary>Reads the order ids of a scenario; returns them with the offsets the mock was asked for.</summary>
    private (List<long> Ids, List<long> Offsets, ListSequence<long> List) Read(string scenario, int readAhead = 4, int retries = 0, int? take = null, List<string>? verbose = null)
    {
        var connection = _mock.Connect(scenario, retries);
        _mock.ClearRequests();
        var log = new ApiStreams(text => verbose?.Add(text), _ => { }, (_, _) => { });
        var list = List(connection, log, readAhead);
        var ids = take is { } count ? list.Take(count).ToList() : list.ToList();
        Thread.Sleep(take is null ? 0 : 300);    // let requests that were already on their way arrive
        var offsets = _mock.Queries("/v2/order/").Select(query => long.Parse(System.Web.HttpUtility.ParseQueryString(query)["offset"]!)).ToList();
        return (ids, offsets, list);
    }

    private ListSequence<long> List(LinerConnection connection, ApiStreams log, int readAhead) =>
        new(new ApiContext(connection, log, CancellationToken.None, new RetryPolicy(connection.MaximumRetryCount, _clock)), new ListRequest(Orders) { ReadAhead = readAhead }, new IdMapper());

    private static List<long> Expected(int count) => Enumerable.Range(5001, count).Select(id => (long)id).ToList();

    [Theory]
    [InlineData("null")]
    [InlineData("absent")]
    [InlineData("total")]
    [InlineData("past")]
    public void ReadsEveryPageInOrderAndStopsWhateverTheLastPageSays(string lastNext)
    {
        var (ids, offsets, list) = Read($"count=250/last-next={lastNext}", readAhead: 0);
        Assert.Equal(Expected(250), ids);
        Assert.Equal(new long[] { 0, 100, 200 }, offsets);
        Assert.Equal(250, list.Total);
    }

    [Fact]
    public void StopsOnAnEmptyListWithoutAskingAgain()
    {
        var (ids, offsets, _) = Read("count=0");
        Assert.Empty(ids);
        Assert.Equal(new long[] { 0 }, offsets);
    }

    [Fact]
    public void StopsWhenNextDoesNotMoveForward()
    {
        var (ids, offsets, _) = Read("count=250/last-next=stuck");
        Assert.Equal(Expected(100), ids);
        Assert.Equal(new long[] { 0 }, offsets);
    }

    [Fact]
    public void StopsAtTheEndWithoutTotalWhenNextIsAbsent()
    {
        var (ids, offsets, list) = Read("count=250/no-total/last-next=absent");
        Assert.Equal(Expected(250), ids);
        Assert.Equal(new long[] { 0, 100, 200 }, offsets);
        Assert.Null(list.Total);
    }

    [Fact]
    public void ReadsAListWhoseTotalChangesWhileItIsRead()
    {
        var (ids, _, _) = Read("count=250/total-grows");
        Assert.Equal(Expected(250), ids);
    }

    [Fact]
    public void ReadsAheadInOrderWithoutAskingForAnyPageTwice()
    {
        var (ids, offsets, _) = Read("count=1000/page-delay=20", readAhead: 4);
        Assert.Equal(Expected(1000), ids);
        Assert.Equal(Enumerable.Range(0, 10).Select(page => page * 100L).ToList(), offsets.OrderBy(offset => offset).ToList());
    }

    [Fact]
    public void FollowsTheServersPageSizeWhenItServesSmallerPages()
    {
        var (ids, offsets, _) = Read("count=250/max-limit=30", readAhead: 3);
        Assert.Equal(Expected(250), ids);
        Assert.Equal(Enumerable.Range(0, 9).Select(page => page * 30L).ToList(), offsets.OrderBy(offset => offset).ToList());
    }

    [Fact]
    public void StopsAskingForPagesWhenTheConsumerHasHadEnough()
    {
        var (ids, offsets, _) = Read("count=5000/page-delay=20", readAhead: 4, take: 150);
        Assert.Equal(Expected(150), ids);
        // The page being read, and at most the read-ahead beyond it: not the 50 pages of the list.
        Assert.InRange(offsets.Count, 2, 2 + 4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void RetriesAPageThatFailsBeforeAnyOfItsItemsWasHandedOut(int readAhead)
    {
        var verbose = new List<string>();
        var (ids, offsets, _) = Read("count=450/fail-page=2/times=1", readAhead, retries: 2, verbose: verbose);
        Assert.Equal(Expected(450), ids);
        Assert.Equal(2, offsets.Count(offset => offset == 200));
        Assert.Contains(verbose, line => line.StartsWith("Retry 1 of 2", StringComparison.Ordinal));
        Assert.Single(_clock.Sleeps);
    }

    [Fact]
    public void RetriesTheFirstPageToo()
    {
        var (ids, _, _) = Read("count=150/status=503/times=1", retries: 1);
        Assert.Equal(Expected(150), ids);
        Assert.Equal(2, _clock.Sleeps.Count);    // times=1 fails the first attempt at each offset: both pages waited once
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void EndsWithTheErrorOfAPageThatKeepsFailingAfterTheItemsBeforeIt(int readAhead)
    {
        var connection = _mock.Connect("count=450/fail-page=2", retries: 1);
        var list = List(connection, ApiStreams.None, readAhead);
        var handed = new List<long>();
        var error = Assert.Throws<LinerApiException>(() =>
        {
            foreach (var id in list)
            {
                handed.Add(id);
            }
        });
        Assert.Equal(Expected(200), handed);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("offset=200", string.Join(" ", _mock.Queries("/v2/order/")));
    }

    private sealed class FakeClock : IRetryClock
    {
        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public List<TimeSpan> Sleeps { get; } = new();

        public void Sleep(TimeSpan delay, CancellationToken cancellation)
        {
            lock (Sleeps)
            {
                Sleeps.Add(delay);
            }
        }
    }

    /// <summary>Reads only the id of each item (NetworkFailureTests uses it too).</summary>
    internal sealed class IdMapper : IItemMapper<long>
    {
        public string ItemName => "order";

        public MapResult Map(ref Utf8JsonReader reader, out long item)
        {
            item = 0;
            while (true)
            {
                if (!JsonValueReader.TryNextProperty(ref reader, out var end))
                {
                    return MapResult.Incomplete;
                }
                if (end)
                {
                    return MapResult.Item;
                }
                var isId = reader.ValueTextEquals("id"u8);
                if (!JsonValueReader.TryValue(ref reader, out var value))
                {
                    return MapResult.Incomplete;
                }
                if (isId)
                {
                    item = JsonValueReader.ReadInt64(ref value, "id");
                }
            }
        }
    }
}

[CollectionDefinition(nameof(MockServerCollection))]
public sealed class MockServerCollection : ICollectionFixture<MockServer>
{
}
