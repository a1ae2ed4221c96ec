using System.Globalization;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// The leads of a store: 30 sample ones (ids 9000 to 9029, phones +79990000001 to +79990000030, in
/// orders 5001 and 5002), or <c>leads=N</c> generated ones in order 5001; the list's filters; and the
/// create and update with the API's checks (phone, order, status category, custom field ids).
/// </summary>
internal static class Leads
{
    public const int SampleCount = 30;

    private static readonly string[] FirstNames = { "Anna", "Boris", "Vera", "Gleb", "Daria", "Egor", "Zoya", "Ilya", "Kira", "Lev" };
    private static readonly string[] LastNames = { "Orlova", "Smirnov", "Kuznetsova", "Popov", "Volkova", "Sokolov", "Lebedeva" };
    private static readonly string[] CreateMethods = { "api", "manual", "import" };
    private static readonly long[] StatusCycle = { 1, 1, 1, 2, 3 };
    private static readonly int[] Offsets = { 3, 3, 5, 7 };
    private static readonly DateTimeOffset First = new(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(3));

    /// <summary>The fields a create takes (<c>leadType</c> and <c>phone</c> required; an order by id or code checked apart).</summary>
    private static readonly FieldSpec[] CreateFields =
    {
        Fields.OneOf("leadType", true, "straight", "selection"),
        Fields.Phone("phone", required: true),
        Fields.Id("orderId", "order", (store, id) => store.Orders.Find(id) is not null),
        new("orderCode", (field, value, store) =>
        {
            var code = Fields.String(field, value);
            return store.Orders.Items.Any(order => (string?)order["code"] == code) ? JsonValue.Create(code) : throw ApiError.Invalid(field, $"no order has the code '{code}'");
        }),
        Fields.Text("name"),
        Fields.Text("sourceComment"),
        Fields.Text("externalIdBitrix24"),
        Fields.Text("externalIdAmo"),
        Fields.Text("externalIdMacro"),
        Fields.Text("externalIdDomoplaner"),
        Status(createOnly: true),
        Fields.Integer("priority"),
        Fields.Integer("utcOffset", -12, 14),
        Fields.Text("telegramUserName"),
        Fields.Text("telegramPhone"),
        Fields.Text("vkId"),
        Fields.Text("instagramLogin"),
        CustomFields.Values("customValues", "leads"),
    };

    /// <summary>
    /// An update takes every create field, none of them required (<see cref="Fields.Check"/> asks for
    /// required ones on a create only); the required ones and the order cannot be cleared, and the status
    /// may be of any category (a lead is moved to qualified or disqualified by an update).
    /// </summary>
    private static readonly FieldSpec[] UpdateFields = CreateFields.Select(field => field.Name switch
    {
        "statusId" => Status(createOnly: false),
        "orderId" or "orderCode" => field with { Required = true },
        _ => field,
    }).ToArray();

    /// <summary>Fields a create takes that a lead's item does not show (the docs list no such field).</summary>
    private static readonly HashSet<string> Unshown = new(StringComparer.Ordinal) { "telegramUserName", "telegramPhone", "vkId", "instagramLogin" };

    public static IEnumerable<JsonObject> Generate(int? count, Func<long, string?> orderCode)
    {
        var n = count ?? SampleCount;
        var step = n <= SampleCount ? TimeSpan.FromDays(1) : TimeSpan.FromTicks(TimeSpan.FromDays(30).Ticks / n);
        for (var i = 0; i < n; i++)
        {
            var orderId = count is null && i % 3 == 2 ? 5002L : 5001L;
            var created = First + step * i;
            yield return new JsonObject
            {
                ["id"] = 9000L + i,
                ["name"] = $"{FirstNames[i % FirstNames.Length]} {LastNames[i % LastNames.Length]}",
                ["phone"] = "+7999" + (i + 1).ToString("0000000", CultureInfo.InvariantCulture),
                ["sourceComment"] = i % 4 == 0 ? "CRM import" : null,
                ["ip"] = i % 5 == 1 ? $"198.51.100.{i % 250 + 1}" : null,
                ["externalIdBitrix24"] = i % 3 == 0 ? $"B24-{1000 + i}" : null,
                ["externalIdAmo"] = i % 5 == 0 ? $"amo-{20000 + i}" : null,
                ["externalIdMacro"] = i % 7 == 0 ? $"M{i}" : null,
                ["externalIdDomoplaner"] = i % 10 == 9 ? $"D-{i}" : null,
                ["statusId"] = StatusCycle[i % StatusCycle.Length],
                ["leadType"] = i % 4 == 3 ? "selection" : "straight",
                ["createMethod"] = CreateMethods[i % CreateMethods.Length],
                ["isSecondary"] = i % 10 == 7,
                ["planningCallDateTime"] = i % 6 == 2 ? Time(new DateTimeOffset(created.Date.AddDays(3).AddHours(11), created.Offset)) : null,
                ["priority"] = i % 3,
                ["utcOffset"] = Offsets[i % Offsets.Length],
                ["createdAt"] = Time(created),
                ["updatedAt"] = Time(i % 3 == 0 ? created.AddDays(2) : created),
                ["orderId"] = orderId,
                ["orderCode"] = orderCode(orderId),
                ["customValues"] = (i % 4) switch
                {
                    0 => new JsonObject { ["11"] = i % 8 == 0 ? "Moscow" : "Samara", ["12"] = 150000 + i * 1000, ["13"] = "web" },
                    1 => new JsonObject { ["11"] = "Kazan", ["15"] = new JsonArray("tariffs", "roaming") },
                    2 => new JsonObject { ["16"] = true },
                    _ => new JsonObject(),
                },
            };
        }
    }

    /// <summary>The leads the query selects: createdAt[0] ≤ createdAt &lt; createdAt[1], orderIds[], statusIds[].</summary>
    public static IReadOnlyList<JsonNode> Select(Collection leads, IQueryCollection query)
    {
        var orders = Queries.Ids(query, "orderIds[]");
        var statuses = Queries.Ids(query, "statusIds[]");
        var from = Queries.Time(query, "createdAt[0]");
        var to = Queries.Time(query, "createdAt[1]");
        return leads.View(Queries.Question(query), items => items.Where(lead =>
        {
            var at = DateTimeOffset.Parse((string)lead["createdAt"]!, CultureInfo.InvariantCulture);
            return (orders.Count == 0 || orders.Contains(lead["orderId"].AsId()))
                && (statuses.Count == 0 || statuses.Contains(lead["statusId"].AsId()))
                && (from is null || at >= from) && (to is null || at < to);
        }).ToList());
    }

    /// <summary>POST /v2/lead/create/ and create-async: the new lead's id.</summary>
    public static long Create(Store store, JsonObject body)
    {
        lock (store.Gate)
        {
            var values = Fields.Check(body, CreateFields, create: true, store).ToDictionary(change => change.Name, change => change.Value);
            var (orderId, orderCode) = Order(store, values) ?? throw new ApiError(400, "Field 'orderId' or 'orderCode' is required");
            var now = Fields.Now();
            return store.Leads.Add(id => new JsonObject
            {
                ["id"] = id,
                ["name"] = Value(values, "name"),
                ["phone"] = Value(values, "phone"),
                ["sourceComment"] = Value(values, "sourceComment"),
                ["ip"] = null,
                ["externalIdBitrix24"] = Value(values, "externalIdBitrix24"),
                ["externalIdAmo"] = Value(values, "externalIdAmo"),
                ["externalIdMacro"] = Value(values, "externalIdMacro"),
                ["externalIdDomoplaner"] = Value(values, "externalIdDomoplaner"),
                ["statusId"] = Value(values, "statusId") ?? JsonValue.Create(1L),
                ["leadType"] = Value(values, "leadType"),
                ["createMethod"] = "api",
                ["isSecondary"] = false,
                ["planningCallDateTime"] = null,
                ["priority"] = Value(values, "priority") ?? JsonValue.Create(0L),
                ["utcOffset"] = Value(values, "utcOffset"),
                ["createdAt"] = now,
                ["updatedAt"] = now,
                ["orderId"] = orderId,
                ["orderCode"] = orderCode,
                ["customValues"] = Merge(new JsonObject(), Value(values, "customValues")),
            });
        }
    }

    /// <summary>POST /v2/lead/update/{id}/: only the fields sent change; a custom value sent changes that value only.</summary>
    public static long Update(Store store, long id, JsonObject body)
    {
        lock (store.Gate)
        {
            var lead = store.Leads.Find(id) ?? throw ApiError.NotFound("Lead", id);
            var changes = Fields.Check(body, UpdateFields, create: false, store);
            var values = changes.ToDictionary(change => change.Name, change => change.Value);
            var shown = changes.Where(change => change.Name is not ("orderId" or "orderCode" or "customValues") && !Unshown.Contains(change.Name)).ToList();
            if (Order(store, values) is { } order)
            {
                shown.Add(("orderId", JsonValue.Create(order.Id)));
                shown.Add(("orderCode", JsonValue.Create(order.Code)));
            }
            if (values.TryGetValue("customValues", out var custom))
            {
                shown.Add(("customValues", custom is null ? new JsonObject() : Merge((JsonObject)lead["customValues"]!.DeepClone(), custom)));
            }
            store.Leads.Replace(Fields.Apply(lead, shown));
            return id;
        }
    }

    /// <summary>The order that orderId and orderCode name (they must agree), or null when neither was sent.</summary>
    private static (long Id, string? Code)? Order(Store store, IReadOnlyDictionary<string, JsonNode?> values)
    {
        var byId = values.TryGetValue("orderId", out var id) && id is not null ? store.Orders.Find(id.AsId()) : null;
        var byCode = values.TryGetValue("orderCode", out var code) && code is not null ? store.Orders.Items.First(order => (string?)order["code"] == (string)code!) : null;
        if (byId is not null && byCode is not null && byId != byCode)
        {
            throw new ApiError(400, $"Fields 'orderId' and 'orderCode' name different orders: order {byId["id"]} has the code '{byId["code"]}'");
        }
        var order = byId ?? byCode;
        return order is null ? null : (order["id"].AsId(), (string?)order["code"]);
    }

    private static FieldSpec Status(bool createOnly) => new("statusId", (field, value, _) =>
    {
        var id = Fields.Number(field, value);
        var status = Calls.LeadStatusItems.FirstOrDefault(item => item["id"].AsId() == id) ?? throw ApiError.Invalid(field, $"no lead status has the id {id}");
        if (createOnly && (string?)status["category"] != "in-progress")
        {
            throw ApiError.Invalid(field, $"lead status {id} ({status["code"]}) is of the {status["category"]} category: a new lead takes only in-progress ones");
        }
        return JsonValue.Create(id);
    });

    private static JsonNode? Value(IReadOnlyDictionary<string, JsonNode?> values, string name) =>
        values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Sets each custom value of <paramref name="changes"/> in <paramref name="values"/>; a null one is removed.</summary>
    private static JsonObject Merge(JsonObject values, JsonNode? changes)
    {
        foreach (var (key, value) in (JsonObject?)changes ?? new JsonObject())
        {
            values.Remove(key);
            if (value is not null)
            {
                values[key] = value.DeepClone();
            }
        }
        return values;
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
