using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>Deterministic orders (calling campaigns) for the paged <c>/v2/order/</c>, any number of them.</summary>
internal static class OrderGenerator
{
    private static readonly ConcurrentDictionary<int, IReadOnlyList<JsonObject>> Cache = new();

    public static IReadOnlyList<JsonObject> Generate(int count) => Cache.GetOrAdd(count, n =>
    {
        var orders = new List<JsonObject>(n);
        for (var i = 0; i < n; i++)
        {
            var id = 5001 + i;
            orders.Add(new JsonObject
            {
                ["id"] = id,
                ["code"] = $"ORD-{id}",
                ["serviceTitle"] = $"campaign-{id}",
                ["title"] = $"Campaign {id}",
                ["status"] = (i % 3) switch { 0 => "success", 1 => "info", _ => "secondary" },
            });
        }
        return orders;
    });
}
