using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>Deterministic users for the paged <c>/v2/user/list/</c>, any number of them.</summary>
internal static class UserGenerator
{
    private static readonly string[] Groups = { "call-center", "call-center", "call-center-senior", "client", "admin", "moderator" };
    private static readonly ConcurrentDictionary<int, IReadOnlyList<JsonNode>> Cache = new();

    public static IReadOnlyList<JsonNode> Generate(int count) => Cache.GetOrAdd(count, n =>
    {
        var users = new List<JsonNode>(n);
        for (var i = 0; i < n; i++)
        {
            users.Add(new JsonObject
            {
                ["id"] = 10_000 + i,
                ["name"] = $"Agent{i}",
                ["lastName"] = $"Number{i}",
                ["secondName"] = null,
                ["email"] = $"agent{i}@example.com",
                ["isActive"] = i % 5 != 0,
                ["accessGroup"] = Groups[i % Groups.Length],
                ["createdAt"] = "2026-01-01T00:00:00Z",
            });
        }
        return users;
    });
}
