using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>A deterministic account of any size, with all three connection types, as Liner would send it.</summary>
internal static class NumberGenerator
{
    private static readonly string[] Places = { "Moscow", "Kazan", "Novosibirsk", "Samara", "Omsk", "Perm", "Tver", "Sochi", "Ufa", "Tula" };
    private static readonly string[] Purposes = { "office", "sales", "support", "hotline", "campaign", "reception", "warehouse", "delivery" };

    public static JsonArray Generate(int count, int seed = 20261127)
    {
        var random = new Random(seed);
        var numbers = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var id = 100_000 + i;
            var kind = random.Next(10);
            var type = kind < 7 ? "pstn" : kind < 9 ? "sip-reg" : "sip-wo-reg";
            JsonObject parameters = type switch
            {
                "pstn" => new JsonObject { ["phone"] = $"+79{random.Next(0, 100):00}{random.Next(0, 10_000_000):0000000}" },
                "sip-reg" => new JsonObject
                {
                    ["login"] = $"sip{id}",
                    ["password"] = $"pw-{random.Next():x8}",
                    ["server"] = "sip.liner.example",
                    ["port"] = 5060,
                },
                _ => new JsonObject { ["ip"] = $"203.0.113.{random.Next(1, 255)}", ["port"] = 5060 },
            };
            numbers.Add(new JsonObject
            {
                ["id"] = id,
                ["title"] = $"{Places[random.Next(Places.Length)]} {Purposes[random.Next(Purposes.Length)]} {i % 100 + 1}",
                ["orderId"] = random.Next(5) == 0 ? null : 5000 + random.Next(200),
                ["connectionType"] = type,
                ["params"] = parameters,
                ["isDefault"] = random.Next(100) == 0,
                ["outgoing"] = random.Next(2) == 0,
                ["incoming"] = random.Next(2) == 0,
                ["channels"] = random.Next(2, 11),
            });
        }
        return numbers;
    }
}
