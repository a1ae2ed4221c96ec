using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// One account's changeable state: its orders, leads, agent groups and call-attempt schemes, each
/// made from the sample data the first time it is used and changed by writes. The token
/// <c>store=NAME</c> picks a store of its own (so a test can start from a fresh account); without it,
/// the default store. The numbers and users are not changed by any write: a store only knows their ids.
/// Writes take the store's lock; reads take a snapshot and never wait.
/// </summary>
internal sealed class Store
{
    private readonly Lazy<IReadOnlySet<long>> _numberIds;
    private readonly Lazy<IReadOnlySet<long>> _userIds;

    public Store(Scenario scenario, Bodies bodies)
    {
        var count = scenario.Body.Count;
        Orders = new Collection(() => bodies.Orders(count).Cast<JsonObject>(), firstNewId: 6001);
        Leads = new Collection(() => Liner.MockApi.Leads.Generate(scenario.LeadCount, id => (string?)Orders.Find(id)?["code"]), firstNewId: 9000);
        AgentGroups = new Collection(() => Samples.Load("sample-agent-groups.json"), firstNewId: 301);
        CallAttempts = new Collection(() => Samples.Load("sample-call-attempts.json"), firstNewId: 401);
        _numberIds = new(() => bodies.NumberIds(count));
        _userIds = new(() => bodies.Users(count, null, null).Select(user => user["id"].AsId()).ToHashSet());
    }

    /// <summary>Held by every write, from its checks to its change, so that what it checked still holds.</summary>
    public object Gate { get; } = new();

    public Collection Orders { get; }

    public Collection Leads { get; }

    public Collection AgentGroups { get; }

    public Collection CallAttempts { get; }

    /// <summary>The ids of the account's virtual numbers (what <c>GET /v2/sip-endpoints/</c> serves).</summary>
    public IReadOnlySet<long> NumberIds => _numberIds.Value;

    public IReadOnlySet<long> UserIds => _userIds.Value;
}

/// <summary>
/// The items of one kind in a store, in id order of creation, each an object that is never changed once
/// stored: an update stores a changed copy in its place, so a reader's snapshot stays whole.
/// </summary>
internal sealed class Collection
{
    private readonly Lazy<Snapshot> _seed;
    private readonly ConcurrentDictionary<string, (int Version, IReadOnlyList<JsonNode> Items)> _views = new(StringComparer.Ordinal);
    private Snapshot? _now;

    /// <param name="seed">The first items.</param>
    /// <param name="firstNewId">The least id a created item gets (it gets one more than the largest id otherwise).</param>
    public Collection(Func<IEnumerable<JsonObject>> seed, long firstNewId)
    {
        _seed = new Lazy<Snapshot>(() =>
        {
            var items = seed().ToImmutableList();
            var index = items.Select((item, position) => (Id: item["id"].AsId(), Position: position)).ToImmutableDictionary(entry => entry.Id, entry => entry.Position);
            return new Snapshot(items, index, Math.Max(firstNewId, items.Count == 0 ? 1 : index.Keys.Max() + 1), 0);
        });
    }

    private Snapshot Now => Volatile.Read(ref _now) ?? _seed.Value;

    /// <summary>Every item, as of now: a snapshot that later writes do not change.</summary>
    public IReadOnlyList<JsonObject> Items => Now.Items;

    /// <summary>Counts the writes: a list computed from the items may be kept while it is unchanged.</summary>
    public int Version => Now.Version;

    /// <summary>
    /// What <paramref name="compute"/> makes of the items for <paramref name="question"/> (a filter), kept
    /// until the next write: a long list is read in many pages, each asking the same question.
    /// </summary>
    public IReadOnlyList<JsonNode> View(string question, Func<IReadOnlyList<JsonObject>, IReadOnlyList<JsonNode>> compute)
    {
        var now = Now;
        if (_views.TryGetValue(question, out var view) && view.Version == now.Version)
        {
            return view.Items;
        }
        var items = compute(now.Items);
        _views[question] = (now.Version, items);
        return items;
    }

    public JsonObject? Find(long id)
    {
        var now = Now;
        return now.Index.TryGetValue(id, out var position) ? now.Items[position] : null;
    }

    /// <summary>Stores a new item made by <paramref name="make"/> from its new id; under the store's lock.</summary>
    public long Add(Func<long, JsonObject> make)
    {
        var now = Now;
        var id = now.NextId;
        var item = make(id);
        Volatile.Write(ref _now, new Snapshot(now.Items.Add(item), now.Index.Add(id, now.Items.Count), id + 1, now.Version + 1));
        return id;
    }

    /// <summary>Stores <paramref name="item"/> in the place of the item with its id; under the store's lock.</summary>
    public void Replace(JsonObject item)
    {
        var now = Now;
        var position = now.Index[item["id"].AsId()];
        Volatile.Write(ref _now, now with { Items = now.Items.SetItem(position, item), Version = now.Version + 1 });
    }

    /// <summary>Stores changed copies of the items <paramref name="change"/> changes (it answers null for the others); under the store's lock.</summary>
    public void ReplaceWhere(Func<JsonObject, JsonObject?> change)
    {
        foreach (var item in Now.Items)
        {
            if (change(item) is { } changed)
            {
                Replace(changed);
            }
        }
    }

    private sealed record Snapshot(ImmutableList<JsonObject> Items, ImmutableDictionary<long, int> Index, long NextId, int Version);
}

/// <summary>The stores, by name and the tokens that seed them (<c>count</c>, <c>leads</c>).</summary>
internal sealed class Stores(Bodies bodies)
{
    private readonly ConcurrentDictionary<string, Lazy<Store>> _stores = new(StringComparer.Ordinal);

    public Store For(Scenario scenario) =>
        _stores.GetOrAdd($"{scenario.Store}|{scenario.Body.Count}|{scenario.LeadCount}", _ => new Lazy<Store>(() => new Store(scenario, bodies))).Value;

    /// <summary>Forgets every store, the default one too: the next request starts from the sample data again.</summary>
    public void Clear() => _stores.Clear();
}
