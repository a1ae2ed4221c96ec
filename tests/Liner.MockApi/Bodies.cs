using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// The bodies the mock serves: the virtual numbers (sample, file or generated, shaped by the
/// scenario and cached per shape), the sample or generated orders and users, the health report,
/// the envelope of an unpaged list and the pages of the paged lists.
/// </summary>
internal sealed class Bodies
{
    private readonly MockOptions _options;
    private readonly ConcurrentDictionary<BodyShape, byte[]> _numbers = new();
    private readonly Lazy<JsonArray> _defaultNumbers;

    public Bodies(MockOptions options)
    {
        _options = options;
        _defaultNumbers = new Lazy<JsonArray>(LoadDefaultNumbers);
    }

    public byte[] Numbers(BodyShape shape) => _numbers.GetOrAdd(shape, BuildNumbers);

    /// <summary>The ids of the numbers the account serves: <paramref name="count"/> generated ones, or the default ones.</summary>
    public IReadOnlySet<long> NumberIds(int? count) =>
        (count is { } n ? NumberGenerator.Generate(n) : _defaultNumbers.Value).Select(number => number!["id"].AsId()).ToHashSet();

    /// <summary>The sample orders, or <paramref name="count"/> generated ones.</summary>
    public IReadOnlyList<JsonObject> Orders(int? count) => count is { } n ? OrderGenerator.Generate(n) : Samples.Load("sample-orders.json");

    /// <summary>What an older Liner's <c>/v1/order/list/</c> answers: the orders with four fields each.</summary>
    public static IReadOnlyList<JsonNode> OrdersV1(IEnumerable<JsonObject> orders) =>
        orders.Select(order => (JsonNode)new JsonObject
        {
            ["id"] = order["id"]?.DeepClone(),
            ["title"] = order["title"]?.DeepClone(),
            ["code"] = order["code"]?.DeepClone(),
            ["callsAllowed"] = (string?)order["status"] != "secondary",
        }).ToList();

    /// <summary>The sample users (or <paramref name="count"/> generated ones) of an access group, active (1) or not (0).</summary>
    public IReadOnlyList<JsonNode> Users(int? count, string? accessGroup, string? isActive)
    {
        IEnumerable<JsonNode> users = count is { } n ? UserGenerator.Generate(n) : Samples.Load("sample-users.json");
        if (!string.IsNullOrEmpty(accessGroup))
        {
            users = users.Where(user => (string?)user["accessGroup"] == accessGroup);
        }
        if (isActive is "1" or "0")
        {
            users = users.Where(user => (bool)user["isActive"]! == (isActive == "1"));
        }
        return users.ToList();
    }

    public static string Health(bool unhealthy)
    {
        var data = new JsonObject
        {
            ["linerMonolithPhpGateway"] = Component(true, 0.0123, null),
            ["linerMicroRabbit"] = Component(true, 0.0045, new JsonObject { ["consumers"] = new JsonArray("calls", "sms") }),
            ["linerMicroStt"] = Component(!unhealthy, 0.2501, null),
        };
        return data.ToJsonString();

        static JsonObject Component(bool success, double seconds, JsonObject? extra)
        {
            var data = new JsonObject { ["executionTime"] = seconds, ["reasonPhrase"] = success ? "Ok" : "Service Unavailable" };
            foreach (var (name, value) in extra ?? new JsonObject())
            {
                data[name] = value?.DeepClone();
            }
            return new JsonObject { ["success"] = success, ["message"] = success ? string.Empty : "Connection refused", ["data"] = data };
        }
    }

    /// <summary>An unpaged list: the envelope with the items as its array.</summary>
    public static byte[] List(IEnumerable<JsonNode> items)
    {
        var list = new JsonArray();
        foreach (var item in items)
        {
            list.Add(item.DeepClone());
        }
        return Encoding.UTF8.GetBytes($"{{\"success\":true,\"message\":\"\",\"data\":{list.ToJsonString()}}}");
    }

    /// <summary>
    /// One page of a paged list: the items from <paramref name="offset"/>, at most <paramref name="limit"/>
    /// (100, or the scenario's max-limit), with <c>next</c> and <c>total</c> as the scenario words the last page.
    /// </summary>
    public static byte[] Page(IReadOnlyList<JsonNode> items, Scenario scenario, long offset, int limit, int attempt)
    {
        limit = Math.Clamp(limit, 1, scenario.MaxLimit ?? 100);
        var total = items.Count + (scenario.TotalGrows ? attempt - 1 : 0);
        var list = new JsonArray();
        for (var i = offset; i < Math.Min(offset + limit, items.Count); i++)
        {
            list.Add(items[(int)i].DeepClone());
        }
        var data = new JsonObject { ["list"] = list };
        var next = offset + list.Count;
        var last = next >= items.Count;
        if (!last)
        {
            data["next"] = scenario.LastNext == "stuck" ? offset : next;
        }
        else if (scenario.LastNext == "total")
        {
            data["next"] = total;
        }
        else if (scenario.LastNext == "past")
        {
            data["next"] = next;
        }
        else if (scenario.LastNext != "absent")
        {
            data["next"] = null;
        }
        if (!scenario.NoTotal)
        {
            data["total"] = total;
        }
        return Encoding.UTF8.GetBytes($"{{\"success\":true,\"message\":\"\",\"data\":{data.ToJsonString()}}}");
    }

    private byte[] BuildNumbers(BodyShape shape)
    {
        var numbers = shape.Count is { } count ? NumberGenerator.Generate(count)
            : shape.Empty ? new JsonArray()
            : (JsonArray)_defaultNumbers.Value.DeepClone();

        if (shape.Extra)
        {
            foreach (var number in numbers.OfType<JsonObject>())
            {
                number["region"] = "RU-MOW";
                number["createdAt"] = "2026-01-15T10:00:00Z";
                number["tags"] = new JsonArray("main", "billing");
                number["limits"] = new JsonObject { ["maxCallMinutes"] = 600 };
            }
        }
        if (shape.BigParams)
        {
            // One number larger than the client's read buffer.
            numbers[1]!["params"]!["note"] = new string('x', 300_000);
        }
        if (shape.WrongTypes)
        {
            numbers[0]!["channels"] = "four";
        }
        if (shape.OddValues)
        {
            // Lenient but lossless: ids and flags in other JSON types, values outside the documented ranges.
            numbers[0]!["id"] = "101";
            numbers[0]!["incoming"] = 1;
            numbers[0]!["channels"] = 64;
            numbers[1]!["connectionType"] = "webrtc";
            numbers[1]!["params"] = null;
        }

        var data = numbers.ToJsonString();
        var body = shape switch
        {
            { NotEnvelope: true } => data,
            { Fail: { } message } => $"{{\"success\":false,\"message\":{JsonSerializer.Serialize(message)},\"data\":null}}",
            { SuccessLastFalse: true } => $"{{\"data\":{data},\"message\":\"Account suspended\",\"success\":false}}",
            { NoData: true } => "{\"success\":true,\"message\":\"\"}",
            { DataObject: true } => "{\"success\":true,\"message\":\"\",\"data\":{\"list\":[]}}",
            { DataNull: true } => "{\"success\":true,\"message\":\"\",\"data\":null}",
            _ => $"{{\"success\":true,\"message\":\"\",\"data\":{data}}}",
        };
        return Encoding.UTF8.GetBytes(body);
    }

    private JsonArray LoadDefaultNumbers()
    {
        if (_options.Count is { } count)
        {
            return NumberGenerator.Generate(count);
        }
        // A data file may hold the bare array or a whole envelope.
        var numbers = new JsonArray();
        foreach (var number in Samples.Load(_options.DataFile is { } file ? Path.GetFullPath(file) : "sample-numbers.json"))
        {
            numbers.Add(number.DeepClone());
        }
        return numbers;
    }
}
