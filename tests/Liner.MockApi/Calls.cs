using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>The calls, call records, recordings and statuses the mock serves, with the filters the API documents.</summary>
internal static class Calls
{
    private static readonly string[] StatusTitles = { "Success", "No answer", "Busy", "Call back" };

    /// <summary>
    /// The calls that the query selects (createdAt[0] ≤ createdAt &lt; createdAt[1], orderIds[],
    /// leadIds[], userIds[], statusIds[]); null when it names neither orders nor leads, as the API requires.
    /// </summary>
    public static IReadOnlyList<JsonNode>? Select(IQueryCollection query, Scenario scenario)
    {
        // Every page of one list asks the same question: answer it once (a list of 50,000 calls is read in 500 pages).
        return Selections.GetOrAdd($"{scenario.CallCount}|{Queries.Question(query)}", _ => SelectUncached(query, scenario));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<JsonNode>?> Selections = new();

    private static IReadOnlyList<JsonNode>? SelectUncached(IQueryCollection query, Scenario scenario)
    {
        var orders = Queries.Ids(query, "orderIds[]");
        var leads = Queries.Ids(query, "leadIds[]");
        if (orders.Count == 0 && leads.Count == 0)
        {
            return null;
        }
        var users = Queries.Ids(query, "userIds[]");
        var statuses = Queries.Ids(query, "statusIds[]").Select(id => id >= 1 && id <= CallGenerator.StatusCodes.Count ? CallGenerator.StatusCodes[(int)id - 1] : "?").ToHashSet();
        var from = Queries.Time(query, "createdAt[0]");
        var to = Queries.Time(query, "createdAt[1]");
        var calls = CallGenerator.Calls(scenario.CallCount ?? CallGenerator.DefaultCount);
        var times = CallGenerator.Times(scenario.CallCount ?? CallGenerator.DefaultCount);
        return calls.Where((call, index) =>
        {
            var at = times[index];
            return (orders.Count == 0 || orders.Contains((long)call["orderId"]!))
                && (leads.Count == 0 || leads.Contains((long)call["leadId"]!))
                && (users.Count == 0 || users.Contains((long)call["userId"]!))
                && (statuses.Count == 0 || statuses.Contains((string)call["statusCode"]!))
                && (from is null || at >= from) && (to is null || at < to);
        }).Cast<JsonNode>().ToList();
    }

    /// <summary>The records of the calls that have one: of one call (callId), or all; only isAmd ones when asked.</summary>
    public static IReadOnlyList<JsonNode> Records(HttpRequest request, Scenario scenario, string? onlyFor = "callId")
    {
        var callId = onlyFor is null ? null : long.TryParse(request.Query[onlyFor], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var amdOnly = request.Query["isAmd"] == "1";
        var prefix = request.Path.Value![..request.Path.Value!.IndexOf("/v2/", StringComparison.Ordinal)];
        return CallGenerator.Calls(scenario.CallCount ?? CallGenerator.DefaultCount)
            .Where(call => (bool)call["hasRecords"]! && (callId is null || (long)call["id"]! == callId))
            .Select(call => CallGenerator.Record(call, request.Scheme, request.Host.Value!, prefix))
            .Where(record => !amdOnly || (bool)record["isAmd"]!)
            .Cast<JsonNode>().ToList();
    }

    /// <summary>
    /// A recording's bytes (file-size, default 4 KB): file-fail answers 500 for one record, file-reset
    /// breaks off half-way, file-hold sends half and then waits until the client goes away.
    /// </summary>
    public static async Task WriteFileAsync(HttpContext context, Scenario scenario, long recordId)
    {
        if (scenario.FileFail == recordId)
        {
            await Faults.WriteHtmlAsync(context, 500, "500 Internal Server Error");
            return;
        }
        var size = scenario.FileSize ?? 4096;
        var bytes = new byte[size];
        var stamp = Encoding.ASCII.GetBytes($"ID3 record {recordId} ");
        for (var i = 0; i < size; i++)
        {
            bytes[i] = stamp[i % stamp.Length];
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "audio/mpeg";
        if (scenario.FileHold == recordId)
        {
            context.Response.ContentLength = size;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, size / 2));
            await context.Response.Body.FlushAsync();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            return;
        }
        if (scenario.FileReset == recordId)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, size / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        context.Response.ContentLength = size;
        await Faults.WriteCountedAsync(context, bytes);
    }

    public static IReadOnlyList<JsonNode> CallStatuses()
    {
        var list = new List<JsonNode>();
        for (var i = 0; i < CallGenerator.StatusCodes.Count; i++)
        {
            list.Add(new JsonObject
            {
                ["id"] = i + 1,
                ["code"] = CallGenerator.StatusCodes[i],
                ["title"] = StatusTitles[i],
                ["description"] = $"The call ended: {StatusTitles[i].ToLowerInvariant()}.",
                ["sort"] = (i + 1) * 10,
                ["commentRequired"] = i == 3,
                ["isAvailableForAi"] = i != 3,
                ["agentCallAvailability"] = i == 3 ? "after_call_transfer" : i == 0 ? "always" : "never",
                ["leadStatusCode"] = i == 0 ? "qualified" : null,
                ["planningTimeRequired"] = i == 3,
                ["isSystem"] = i < 2,
            });
        }
        return list;
    }

    /// <summary>The lead statuses: one of each category (a new lead takes only in-progress ones).</summary>
    public static readonly IReadOnlyList<JsonObject> LeadStatusItems = new[]
    {
        new JsonObject { ["id"] = 1, ["code"] = "new", ["title"] = "New", ["category"] = "in-progress", ["sort"] = 10, ["color"] = "#2196f3", ["isSystem"] = true },
        new JsonObject { ["id"] = 2, ["code"] = "qualified", ["title"] = "Qualified", ["category"] = "qualified", ["sort"] = 20, ["color"] = "#4caf50", ["isSystem"] = true },
        new JsonObject { ["id"] = 3, ["code"] = "rejected", ["title"] = "Not interested", ["category"] = "disqualified", ["sort"] = 30, ["color"] = "#f44336", ["isSystem"] = false },
    };
}
