using System.Globalization;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// Every endpoint the mock serves, each declared once: method, path template, paged or not, what it
/// serves (printed by <c>--help</c>), and its handler. Adding an endpoint is one line here; the router
/// (<see cref="MockRouter"/>) does the rest: the scenario prefix, the key, the faults, the paging, the
/// JSON body of a write and the envelope of every answer.
/// </summary>
internal sealed class LinerRoutes
{
    private readonly Bodies _bodies;

    public LinerRoutes(Bodies bodies)
    {
        _bodies = bodies;
        Table = new RouteTable
        {
            new("GET", "/v2/sip-endpoints/", "the virtual numbers: sample-numbers.json, --data FILE, --count N, count=N, stream=N", Numbers) { Plural = true },
            new("GET", "/v2/sip-endpoint/", "the same, by the heading's spelling", Numbers),
            new("GET", "/v1/health/check/", "the health report (unhealthy: 503 with one component failing)", Health),
            new("GET", "/v2/order/", "the store's orders (v1-orders: 404)", Orders) { Paged = true },
            new("GET", "/v1/order/list/", "the store's orders with id, title, code, callsAllowed", call => Reply.List(Bodies.OrdersV1(call.Store.Orders.Items))),
            new("POST", "/v2/order/create/", "a new order: serviceTitle, title, status, sipEndpointIds required; answers its id", call => Reply.Done(Campaigns.CreateOrder(call.Store, call.Body))) { Creates = true },
            new("POST", "/v2/order/update/{id}/", "changes the fields sent (order-update-refuses=FIELD refuses one as unknown)", call => Reply.Done(Campaigns.UpdateOrder(call.Store, call.Id, call.Body, call.Scenario.OrderUpdateRefuses))),
            new("GET", "/v2/user/list/", "the users (sample-users.json; count=N), query accessGroup, isActive (1|0)", Users) { Paged = true },
            new("GET", "/v2/user/detail/{id}/", "one sample user", call => Detail(_bodies.Users(null, null, null), "User", call.Id)),
            new("GET", "/v2/call/", "the calls (calls=N), query createdAt[0], createdAt[1], orderIds[] or leadIds[] (one required), userIds[], statusIds[]", CallList) { Paged = true },
            new("GET", "/v2/call/detail/{id}/", "one call", call => Detail(CallGenerator.Calls(call.Scenario.CallCount ?? CallGenerator.DefaultCount), "Call", call.Id)),
            new("GET", "/v2/call-record/", "the call records, query callId, isAmd=1", call => Reply.List(Calls.Records(call.Request, call.Scenario))) { Paged = true },
            new("GET", "/v2/call-record/detail/{id}/", "one call record", call => Detail(Calls.Records(call.Request, call.Scenario, onlyFor: null), "Call record", call.Id)),
            new("GET", "/files/{id}.mp3", "a recording (every other record's fileUrl is on localhost: a second origin)", Recording) { Open = true },
            new("GET", "/v2/call-statuses/", "the call statuses", call => Reply.List(Calls.CallStatuses())) { Plural = true },
            new("GET", "/v2/call-status/", "the same, by the heading's spelling", call => Reply.List(Calls.CallStatuses())),
            new("GET", "/v2/lead-statuses/", "the lead statuses: 1 new (in-progress), 2 qualified, 3 rejected (disqualified)", call => Reply.List(Calls.LeadStatusItems)) { Plural = true },
            new("GET", "/v2/lead-status/", "the same, by the heading's spelling", call => Reply.List(Calls.LeadStatusItems)),
            new("GET", "/v2/custom-fields/", "the custom fields (sample-custom-fields.json), query essence=leads|orders", CustomFieldList) { Plural = true },
            new("GET", "/v2/custom-field/", "the same, by the heading's spelling", CustomFieldList),
            new("GET", "/v2/lead/", "the store's leads (leads=N), query createdAt[0] (>=), createdAt[1] (<), orderIds[], statusIds[]", call => Reply.List(Leads.Select(call.Store.Leads, call.Query))) { Paged = true },
            new("GET", "/v2/lead/detail/{id}/", "one lead", call => Detail(call.Store.Leads.Find(call.Id), "Lead", call.Id)),
            new("POST", "/v2/lead/create/", "a new lead: leadType, phone, orderId or orderCode required; answers its id", call => Reply.Done(Leads.Create(call.Store, call.Body))) { Creates = true },
            new("POST", "/v2/lead/create-async/", "the same, answering data null", CreateLeadQueued) { Creates = true },
            new("POST", "/v2/lead/update/{id}/", "changes the fields sent; a custom value sent changes that value only", call => Reply.Done(Leads.Update(call.Store, call.Id, call.Body))),
            new("GET", "/v2/agent-group/", "the store's agent groups, query agentId (the groups holding that user)", AgentGroups) { Paged = true },
            new("GET", "/v2/agent-group/{id}/", "one agent group (no detail/ segment)", call => Detail(call.Store.AgentGroups.Find(call.Id), "Agent group", call.Id)),
            new("POST", "/v2/agent-group/create/", "a new agent group: names {ru, gb} required, agentIds; answers its id", call => Reply.Done(Campaigns.CreateGroup(call.Store, call.Body))) { Creates = true },
            new("POST", "/v2/agent-group/update/{id}/", "changes the fields sent; agentIds replaces the whole list", call => Reply.Done(Campaigns.UpdateGroup(call.Store, call.Id, call.Body))),
            new("GET", "/v2/call-attempt/", "the store's call-attempt schemes", call => Reply.List(call.Store.CallAttempts.Items)) { Paged = true },
            new("GET", "/v2/call-attempt/detail/{id}/", "one call-attempt scheme", call => Detail(call.Store.CallAttempts.Find(call.Id), "Call-attempt scheme", call.Id)),
            new("POST", "/v2/call-attempt/create/", "a new scheme: title, intervals (minutes) required, isDefault, resetAttemptsEnabled; answers its id", call => Reply.Done(Campaigns.CreateScheme(call.Store, call.Body))) { Creates = true },
            new("POST", "/v2/call-attempt/update/{id}/", "changes the fields sent; a scheme made the default is the only default", call => Reply.Done(Campaigns.UpdateScheme(call.Store, call.Id, call.Body))),
        };
    }

    public RouteTable Table { get; }

    private Reply Numbers(RouteCall call) =>
        call.Scenario.Streamed is { } streamed
            ? Reply.Custom(context => NumberGenerator.WriteStreamedAsync(context, streamed))
            : Reply.Body(_bodies.Numbers(call.Scenario.Body));

    private static Reply Health(RouteCall call)
    {
        var unhealthy = call.Scenario.Unhealthy;
        return Reply.Envelope(unhealthy ? 503 : 200, !unhealthy, unhealthy ? "linerMicroStt is not responding" : string.Empty, Bodies.Health(unhealthy));
    }

    private static Reply Orders(RouteCall call) =>
        call.Scenario.V1Orders ? Reply.Envelope(404, false, "Route not found", "null") : Reply.List(call.Store.Orders.Items);

    private Reply Users(RouteCall call) =>
        Reply.List(_bodies.Users(call.Scenario.Body.Count, call.Query["accessGroup"].FirstOrDefault(), call.Query["isActive"].FirstOrDefault()));

    private static Reply CallList(RouteCall call) =>
        Calls.Select(call.Query, call.Scenario) is { } calls ? Reply.List(calls) : Reply.Envelope(400, false, "orderIds or leadIds is required", "null");

    private static Reply Recording(RouteCall call)
    {
        var scenario = call.Scenario;
        if (scenario.FileRedirectPort is { } port)
        {
            // A storage host that sends the recording on to plain http (on another port of this computer).
            var path = call.Request.Path.Value!;
            return Reply.Custom(context =>
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = $"http://127.0.0.1:{port}{path.Replace($"/file-redirect={port}", string.Empty, StringComparison.Ordinal)}";
                return Task.CompletedTask;
            });
        }
        // Recordings are files, as a storage host would serve them: no key needed (the log says whether one came).
        return Reply.Custom(context => Calls.WriteFileAsync(context, scenario, call.Id));
    }

    private static Reply CustomFieldList(RouteCall call)
    {
        var essence = call.Query["essence"].FirstOrDefault();
        return essence is null or "leads" or "orders"
            ? Reply.List(CustomFields.Of(essence))
            : throw new ApiError(400, $"Query parameter 'essence' is invalid: '{essence}' is not leads or orders");
    }

    /// <summary>create-async: the lead is made at once; the answer says only that it was taken.</summary>
    private static Reply CreateLeadQueued(RouteCall call)
    {
        Leads.Create(call.Store, call.Body);
        return Reply.Done(null);
    }

    private static Reply AgentGroups(RouteCall call)
    {
        var agent = call.Query["agentId"].FirstOrDefault();
        long? agentId = string.IsNullOrEmpty(agent) ? null
            : long.TryParse(agent, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id
            : throw new ApiError(400, $"Query parameter 'agentId' is invalid: '{agent}' is not an id");
        return Reply.List(Campaigns.Groups(call.Store.AgentGroups, agentId));
    }

    private static Reply Detail(IEnumerable<JsonNode> items, string noun, long id) =>
        Detail(items.FirstOrDefault(item => item["id"].AsId() == id), noun, id);

    private static Reply Detail(JsonNode? item, string noun, long id) =>
        item is null ? throw ApiError.NotFound(noun, id) : Reply.Item(item);
}
