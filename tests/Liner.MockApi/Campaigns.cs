using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// The writes that set up a campaign: orders, agent groups and call-attempt schemes, with the API's
/// checks (required fields on create, unknown fields refused, ids that must exist in the store).
/// </summary>
internal static class Campaigns
{
    private static readonly FieldSpec[] OrderFields =
    {
        Fields.Text("serviceTitle", required: true),
        Fields.Text("title", required: true),
        Fields.OneOf("status", true, "success", "secondary", "info"),
        Fields.Ids("sipEndpointIds", "virtual number", (store, id) => store.NumberIds.Contains(id), required: true),
        Fields.Text("code"),
        new("callSchedule", (field, value, _) =>
        {
            var windows = new JsonArray();
            foreach (var window in Fields.Array(field, value, "an array of [\"HH:MM\", \"HH:MM\"] pairs"))
            {
                windows.Add(window is JsonArray { Count: 2 } pair
                    ? new JsonArray(Fields.Time(field, pair[0] ?? JsonValue.Create(string.Empty)), Fields.Time(field, pair[1] ?? JsonValue.Create(string.Empty)))
                    : throw ApiError.Invalid(field, $"{window?.ToJsonString() ?? "null"} is not a [\"HH:MM\", \"HH:MM\"] pair"));
            }
            return windows;
        }, Cleared: () => new JsonArray()),
        Fields.Strings("callHolidayOverrides", "an array of dates yyyy-MM-dd", Fields.Date),
        Fields.Flag("autoDialingEnabled"),
        Fields.Flag("predictiveModeEnabled"),
        Fields.Flag("aiModeEnabled"),
        Fields.Flag("standaloneAiModeEnabled"),
        Fields.Text("aiModePrompt"),
        Fields.Text("aiModeFirstPhrase"),
        Fields.OneOf("aiDefaultLanguage", false, "ru", "gb"),
        Fields.Flag("amdDetectionEnabled"),
        Fields.OneOf("callRecordRule", false, "client_is_connected", "agent_is_connected"),
        Fields.Phone("callCenterPhone"),
        Fields.Strings("additionalCallCenterPhones", "an array of phone numbers", Fields.PhoneText),
        Fields.OneOf("sipEndpointUsageScheme", false, "random_default", "random_without_repetition", "even_loaded", "even_loaded_daily"),
        Fields.Ids("agentUserIds", "user", (store, id) => store.UserIds.Contains(id)),
        Fields.Ids("agentGroupIds", "agent group", (store, id) => store.AgentGroups.Find(id) is not null),
        Fields.Id("callAttemptGroupId", "call-attempt scheme", (store, id) => store.CallAttempts.Find(id) is not null),
        Fields.Integer("qualifiedLeadsPerDayLimit", 0),
        new("leadsPriority", (field, value, _) => value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
            ? value.DeepClone()
            : throw ApiError.Invalid(field, $"expected a number or a string, not {value.ToJsonString()}")),
    };

    private static readonly FieldSpec[] GroupFields =
    {
        new("names", (field, value, _) =>
        {
            var names = value as JsonObject;
            return names is { Count: 2 } && names.All(name => name.Key is "ru" or "gb" && name.Value?.GetValueKind() == JsonValueKind.String && name.Value.GetValue<string>().Length > 0)
                ? names.DeepClone()
                : throw ApiError.Invalid(field, $"expected {{\"ru\": \"...\", \"gb\": \"...\"}}, two names that are not empty, not {value.ToJsonString()}");
        }, Required: true),
        Fields.Ids("agentIds", "user", (store, id) => store.UserIds.Contains(id)),
    };

    private static readonly FieldSpec[] SchemeFields =
    {
        Fields.Text("title", required: true),
        new("intervals", (field, value, _) =>
        {
            var intervals = Fields.Array(field, value, "an array of minutes");
            var minutes = new JsonArray();
            foreach (var interval in intervals)
            {
                var number = interval is null ? 0 : Fields.Number(field, interval);
                minutes.Add(number > 0 ? number : throw ApiError.Invalid(field, $"{interval?.ToJsonString() ?? "null"} is not a positive number of minutes"));
            }
            return minutes.Count > 0 ? minutes : throw ApiError.Invalid(field, "at least one interval is needed");
        }, Required: true),
        Fields.Flag("isDefault"),
        Fields.Flag("resetAttemptsEnabled"),
    };

    /// <summary>POST /v2/order/create/: a new order with the sample orders' fields, and agentGroupIds, callAttemptGroupId, leadsPriority when sent.</summary>
    public static long CreateOrder(Store store, JsonObject body)
    {
        lock (store.Gate)
        {
            var changes = Fields.Check(body, OrderFields, create: true, store);
            return store.Orders.Add(id => Fields.Apply(new JsonObject
            {
                ["id"] = id,
                ["code"] = null,
                ["serviceTitle"] = null,
                ["title"] = null,
                ["status"] = null,
                ["callSchedule"] = new JsonArray(),
                ["callHolidayOverrides"] = new JsonArray(),
                ["autoDialingEnabled"] = false,
                ["predictiveModeEnabled"] = false,
                ["aiModeEnabled"] = false,
                ["standaloneAiModeEnabled"] = false,
                ["aiModePrompt"] = null,
                ["aiModeFirstPhrase"] = null,
                ["aiDefaultLanguage"] = "ru",
                ["amdDetectionEnabled"] = false,
                ["callRecordRule"] = "client_is_connected",
                ["callCenterPhone"] = null,
                ["additionalCallCenterPhones"] = new JsonArray(),
                ["sipEndpointUsageScheme"] = "random_default",
                ["agentUserIds"] = new JsonArray(),
                ["sipEndpointIds"] = new JsonArray(),
                ["qualifiedLeadsPerDayLimit"] = null,
            }, changes));
        }
    }

    /// <summary>POST /v2/order/update/{id}/; <c>order-update-refuses</c> names fields it refuses as unknown.</summary>
    public static long UpdateOrder(Store store, long id, JsonObject body, IReadOnlySet<string> refused) =>
        Update(store, store.Orders, "Order", id, body, OrderFields, refused);

    /// <summary>POST /v2/agent-group/create/: names (both languages) and agentIds (default none).</summary>
    public static long CreateGroup(Store store, JsonObject body)
    {
        lock (store.Gate)
        {
            var changes = Fields.Check(body, GroupFields, create: true, store);
            var now = Fields.Now();
            return store.AgentGroups.Add(id => Fields.Apply(new JsonObject { ["id"] = id, ["names"] = null, ["agentIds"] = new JsonArray(), ["createdAt"] = now, ["updatedAt"] = now }, changes));
        }
    }

    /// <summary>POST /v2/agent-group/update/{id}/: agentIds replaces the whole list.</summary>
    public static long UpdateGroup(Store store, long id, JsonObject body) =>
        Update(store, store.AgentGroups, "Agent group", id, body, GroupFields, null);

    /// <summary>POST /v2/call-attempt/create/; a scheme made the default is the only default.</summary>
    public static long CreateScheme(Store store, JsonObject body)
    {
        lock (store.Gate)
        {
            var changes = Fields.Check(body, SchemeFields, create: true, store);
            var id = store.CallAttempts.Add(id => Fields.Apply(new JsonObject { ["id"] = id, ["title"] = null, ["intervals"] = new JsonArray(), ["isDefault"] = false, ["resetAttemptsEnabled"] = false }, changes));
            KeepOneDefault(store, id);
            return id;
        }
    }

    public static long UpdateScheme(Store store, long id, JsonObject body)
    {
        lock (store.Gate)
        {
            Update(store, store.CallAttempts, "Call-attempt scheme", id, body, SchemeFields, null);
            KeepOneDefault(store, id);
            return id;
        }
    }

    /// <summary>The items whose agentIds hold <paramref name="agentId"/>, or all of them for null.</summary>
    public static IReadOnlyList<JsonNode> Groups(Collection groups, long? agentId) =>
        groups.View($"agentId={agentId}", items => items.Where(group => agentId is null || ((JsonArray)group["agentIds"]!).Any(id => id.AsId() == agentId)).ToList());

    private static long Update(Store store, Collection items, string noun, long id, JsonObject body, IReadOnlyList<FieldSpec> fields, IReadOnlySet<string>? refused)
    {
        lock (store.Gate)
        {
            var item = items.Find(id) ?? throw ApiError.NotFound(noun, id);
            items.Replace(Fields.Apply(item, Fields.Check(body, fields, create: false, store, refused)));
            return id;
        }
    }

    /// <summary>When scheme <paramref name="id"/> is now the default, no other one is.</summary>
    private static void KeepOneDefault(Store store, long id)
    {
        if (store.CallAttempts.Find(id)?["isDefault"]?.GetValue<bool>() != true)
        {
            return;
        }
        store.CallAttempts.ReplaceWhere(scheme => scheme["id"].AsId() != id && scheme["isDefault"]?.GetValue<bool>() == true
            ? Fields.Apply(scheme, new[] { ("isDefault", (JsonNode?)JsonValue.Create(false)) })
            : null);
    }
}
