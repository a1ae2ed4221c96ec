using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// Deterministic calls of the sample account, counted back from when the mock started, and their
/// recordings. Numbers 105, 108, 110 and 112 make no calls (112's order is not in the account); the
/// others share the calls in turn. <c>calls=N</c> gives N calls instead of 120.
/// </summary>
internal static class CallGenerator
{
    public const int DefaultCount = 120;

    /// <summary>When the calls are counted back from: the mock's start, to the minute.</summary>
    public static readonly DateTimeOffset Start = new(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static readonly (long Number, long Order)[] Numbers =
    {
        (101, 5001), (102, 5001), (103, 5002), (104, 5003), (106, 5001), (107, 5002), (109, 5004), (111, 5003),
    };

    private static readonly string[] Statuses = { "success", "no_answer", "busy", "callback" };
    private static readonly string[] Initiators = { "client", "operator", "system" };
    private static readonly ConcurrentDictionary<int, IReadOnlyList<JsonObject>> Cache = new();

    /// <summary>The call statuses, whose ids <c>statusIds[]</c> selects by.</summary>
    public static IReadOnlyList<string> StatusCodes => Statuses;

    public static IReadOnlyList<JsonObject> Calls(int count) => Cache.GetOrAdd(count, n =>
    {
        // The sample spans 40 days; a large list spans 30, so that "the last 31 days" holds all of it.
        var step = count <= DefaultCount ? TimeSpan.FromHours(8) : TimeSpan.FromTicks(TimeSpan.FromDays(30).Ticks / n);
        var calls = new List<JsonObject>(n);
        for (var i = 0; i < n; i++)
        {
            var (number, order) = Numbers[i % Numbers.Length];
            var talk = i % 5 != 1 ? 60 + (i % 50) * 7 : 0;
            var wait = 5 + i % 10;
            calls.Add(new JsonObject
            {
                ["id"] = 800_000L + i,
                ["sipEndpointId"] = number,
                ["finishInitiator"] = Initiators[i % 3],
                ["direction"] = i % 3 == 0 ? "outgoing" : "incoming",
                ["leadId"] = 9000L + i % 20,
                ["userId"] = 701L + i % 3,
                ["orderId"] = order,
                ["statusCode"] = talk > 0 ? Statuses[0] : Statuses[1 + i % 3],
                ["totalDurationSeconds"] = talk + wait,
                ["waitTimeDurationSeconds"] = wait,
                ["talkTimeDurationSeconds"] = talk,
                ["isPredictive"] = i % 5 == 0,
                ["clientPhone"] = "+7916" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture),
                ["hasRecords"] = talk > 0,
                ["createdAt"] = (Start - step * (i + 1)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            });
        }
        return calls;
    });

    /// <summary>When each call of <see cref="Calls"/> began, parsed once.</summary>
    public static IReadOnlyList<DateTimeOffset> Times(int count) => TimesCache.GetOrAdd(count, n =>
        Calls(n).Select(call => DateTimeOffset.Parse((string)call["createdAt"]!, CultureInfo.InvariantCulture)).ToArray());

    private static readonly ConcurrentDictionary<int, IReadOnlyList<DateTimeOffset>> TimesCache = new();

    /// <summary>
    /// The recording of a call that has one: every other one on a second origin (localhost for
    /// 127.0.0.1), where the module must not send the key.
    /// </summary>
    public static JsonObject Record(JsonObject call, string scheme, string host, string prefix)
    {
        var index = (long)call["id"]! - 800_000;
        var id = 300_000 + index;
        var origin = id % 2 == 1 ? host.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) : host;
        return new JsonObject
        {
            ["id"] = id,
            ["userId"] = call["userId"]!.DeepClone(),
            ["leadId"] = call["leadId"]!.DeepClone(),
            ["isTransfer"] = index % 7 == 0,
            ["durationSeconds"] = call["talkTimeDurationSeconds"]!.DeepClone(),
            ["fileUrl"] = $"{scheme}://{origin}{prefix}/files/{id}.mp3",
            ["recordSummary"] = index % 8 == 0 ? "The client asked about the winter plan and wants a call back." : null,
            ["createdAt"] = call["createdAt"]!.DeepClone(),
            ["isAmd"] = index % 12 == 4,
        };
    }
}
