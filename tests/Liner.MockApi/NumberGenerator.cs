using System.Globalization;
using System.Text;
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

    /// <summary>
    /// The envelope of <paramref name="count"/> numbers (ids from 1,000,000, all the same length),
    /// each made as it is written and never held whole: a list larger than any buffer between the mock
    /// and a client, for tests that measure how much of it a client read. Costs only what is sent.
    /// </summary>
    public static async Task WriteStreamedAsync(HttpContext context, int count)
    {
        var head = Encoding.UTF8.GetBytes("{\"success\":true,\"message\":\"\",\"data\":[");
        var tail = Encoding.UTF8.GetBytes("]}");
        static string Number(int i) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{1_000_000 + i},\"title\":\"Streamed {1_000_000 + i}\",\"orderId\":null,\"connectionType\":\"pstn\",\"params\":{{\"phone\":\"+7900{1_000_000 + i}\"}},\"isDefault\":false,\"outgoing\":true,\"incoming\":true,\"channels\":2}}");
        var length = Encoding.UTF8.GetByteCount(Number(0));
        var total = head.Length + ((long)count * length) + Math.Max(0, count - 1) + tail.Length;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = total;
        var sent = SentBytes.Of(context);
        var before = sent?.Count ?? 0;
        var entry = RequestLog.Of(context);
        if (entry is not null)
        {
            entry.BodyLength = total;
        }
        var batch = new StringBuilder();
        await context.Response.Body.WriteAsync(head);
        for (var i = 0; i < count && !context.RequestAborted.IsCancellationRequested;)
        {
            batch.Clear();
            for (var end = Math.Min(count, i + 100); i < end; i++)
            {
                batch.Append(i == 0 ? string.Empty : ",").Append(Number(i));
            }
            var written = await context.Response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(batch.ToString()));
            if (written.IsCompleted || written.IsCanceled)
            {
                break;
            }
        }
        if (!context.RequestAborted.IsCancellationRequested)
        {
            await context.Response.Body.WriteAsync(tail);
        }
        if (entry is not null && sent is not null)
        {
            entry.BodyBytesSent = Math.Min(total, sent.Count - before);
        }
    }
}
