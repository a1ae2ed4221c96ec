using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// Serves <c>[prefix]/v2/sip-endpoints/</c>, its singular spelling, and <c>[prefix]/v1/health/check/</c>.
/// The prefix's tokens (see <see cref="Scenario"/>) pick the data and the faults:
/// data: <c>count=N</c>, <c>empty</c>, <c>extra</c> (undocumented fields), <c>singular</c> (plural path is 404);
/// faults: <c>status=CODE</c> with <c>times=K</c> and <c>retry-after=S|date</c>, <c>delay=MS</c>,
/// <c>stall=MS</c> (half the body, a pause, the rest), <c>html</c>, <c>empty-body</c>, <c>truncate</c>,
/// <c>reset</c>, <c>reset-mid</c>, <c>fail=MESSAGE</c>, <c>success-last-false</c>, <c>no-data</c>,
/// <c>data-object</c>, <c>data-null</c>, <c>not-envelope</c>, <c>wrong-types</c>, <c>odd-values</c>, <c>big-params</c>,
/// <c>redirect=PORT</c> (to the same path on another local port), <c>redirect-same</c>, <c>redirect-https</c>,
/// <c>unhealthy</c>, <c>echo-key</c> (a 401 that repeats the key it got, with <c>html</c> in a page title). Control: <c>GET|DELETE /_mock/requests</c>.
/// </summary>
internal sealed class LinerEndpoints
{
    private const string PluralPath = "/v2/sip-endpoints/";
    private const string SingularPath = "/v2/sip-endpoint/";
    private const string HealthPath = "/v1/health/check/";
    private static readonly string[] ApiPaths = { PluralPath, SingularPath, HealthPath };

    /// <summary>The scenario tokens that change the numbers body (see <see cref="BuildNumbersBody"/>).</summary>
    private static readonly string[] BodyTokens =
    {
        "count", "empty", "extra", "big-params", "wrong-types", "odd-values", "fail", "success-last-false", "no-data",
        "data-object", "data-null", "not-envelope",
    };

    private readonly MockOptions _options;
    private readonly RequestLog _log;
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly ConcurrentDictionary<string, byte[]> _bodies = new();
    private readonly Lazy<JsonArray> _defaultNumbers;

    public LinerEndpoints(MockOptions options, RequestLog log)
    {
        _options = options;
        _log = log;
        _defaultNumbers = new Lazy<JsonArray>(LoadDefaultNumbers);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/_mock/", StringComparison.Ordinal))
        {
            await HandleControlAsync(context, path);
            return;
        }

        var apiPath = ApiPaths.FirstOrDefault(api => path.EndsWith(api, StringComparison.Ordinal));
        var key = context.Request.Headers["X-Api-Key"].ToString();
        var keyPresent = context.Request.Headers.ContainsKey("X-Api-Key");
        var accepted = keyPresent && key == _options.ApiKey;
        _log.Add(new LoggedRequest(context.Request.Method, path, keyPresent, accepted, keyPresent ? key : null, context.Request.Headers.Accept.ToString(), context.Request.Headers.UserAgent.ToString(), context.Connection.Id));

        if (apiPath is null)
        {
            await WriteHtmlAsync(context, 404, "404 Not Found");
            return;
        }
        var scenario = Scenario.Parse(path[..^apiPath.Length]);
        var attempt = _counters.AddOrUpdate(scenario.Prefix + apiPath, 1, (_, count) => count + 1);

        if (scenario.GetInt("delay") is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        if (await RedirectAsync(context, scenario, path))
        {
            return;
        }
        if (scenario.Has("echo-key"))
        {
            // A server that echoes the request: the key it received in a header that -Debug shows, and
            // in the message or the HTML page's title.
            context.Response.StatusCode = 401;
            if (scenario.Has("html"))
            {
                await WriteHtmlAsync(context, 401, $"Unauthorized: {key}");
                return;
            }
            context.Response.ContentType = $"application/json; charset=utf-8; echo={key}";
            await context.Response.WriteAsync($"{{\"success\":false,\"message\":{JsonSerializer.Serialize($"Invalid API key '{key}'")},\"data\":null}}");
            return;
        }
        if (!accepted)
        {
            await WriteEnvelopeAsync(context, 401, false, "Invalid API key", "null");
            return;
        }
        if (scenario.Has("reset"))
        {
            context.Abort();
            return;
        }
        if (scenario.GetInt("status") is { } status && attempt <= (scenario.GetInt("times") ?? int.MaxValue))
        {
            if (scenario.Get("retry-after") is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }
            if (scenario.Has("html"))
            {
                await WriteHtmlAsync(context, status, $"{status} Bad Gateway");
            }
            else
            {
                await WriteEnvelopeAsync(context, status, false, $"Simulated failure {status}", "null");
            }
            return;
        }
        if (scenario.Has("html"))
        {
            await WriteHtmlAsync(context, 200, "Sign in - Corporate Proxy");
            return;
        }
        if (scenario.Has("empty-body"))
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            return;
        }

        if (apiPath == HealthPath)
        {
            await WriteHealthAsync(context, scenario);
            return;
        }
        if (apiPath == PluralPath && scenario.Has("singular"))
        {
            await WriteHtmlAsync(context, 404, "404 Not Found");
            return;
        }
        await WriteBodyAsync(context, scenario, NumbersBody(scenario));
    }

    private async Task HandleControlAsync(HttpContext context, string path)
    {
        if (path == "/_mock/requests" && HttpMethods.IsDelete(context.Request.Method))
        {
            _log.Clear();
            context.Response.StatusCode = 204;
            return;
        }
        if (path == "/_mock/requests")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(_log.Snapshot(), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            return;
        }
        context.Response.StatusCode = 404;
    }

    private static async Task<bool> RedirectAsync(HttpContext context, Scenario scenario, string path)
    {
        string? location = null;
        if (scenario.GetInt("redirect") is { } port)
        {
            location = $"http://127.0.0.1:{port}{path.Replace("/redirect=" + port, string.Empty)}";
        }
        else if (scenario.Has("redirect-same"))
        {
            location = path.Replace("/redirect-same", string.Empty);
        }
        else if (scenario.Has("redirect-https"))
        {
            location = $"https://{context.Request.Host}{path.Replace("/redirect-https", string.Empty)}";
        }
        if (location is null)
        {
            return false;
        }
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        await Task.CompletedTask;
        return true;
    }

    private byte[] NumbersBody(Scenario scenario)
    {
        // Faults, delays and ids leave the body as it is; only these tokens shape it.
        var cacheKey = string.Join(";", BodyTokens.Where(scenario.Has).Select(token => $"{token}={scenario.Get(token)}"));
        return _bodies.GetOrAdd(cacheKey, _ => BuildNumbersBody(scenario));
    }

    private byte[] BuildNumbersBody(Scenario scenario)
    {
        var numbers = scenario.GetInt("count") is { } count ? NumberGenerator.Generate(count)
            : scenario.Has("empty") ? new JsonArray()
            : (JsonArray)_defaultNumbers.Value.DeepClone();

        if (scenario.Has("extra"))
        {
            foreach (var number in numbers.OfType<JsonObject>())
            {
                number["region"] = "RU-MOW";
                number["createdAt"] = "2026-01-15T10:00:00Z";
                number["tags"] = new JsonArray("main", "billing");
                number["limits"] = new JsonObject { ["maxCallMinutes"] = 600 };
            }
        }
        if (scenario.Has("big-params"))
        {
            // One number larger than the client's read buffer.
            numbers[1]!["params"]!["note"] = new string('x', 300_000);
        }
        if (scenario.Has("wrong-types"))
        {
            numbers[0]!["channels"] = "four";
        }
        if (scenario.Has("odd-values"))
        {
            // Lenient but lossless: ids and flags in other JSON types, values outside the documented ranges.
            numbers[0]!["id"] = "101";
            numbers[0]!["incoming"] = 1;
            numbers[0]!["channels"] = 64;
            numbers[1]!["connectionType"] = "webrtc";
            numbers[1]!["params"] = null;
        }

        var data = numbers.ToJsonString();
        string body;
        if (scenario.Has("not-envelope"))
        {
            body = data;
        }
        else if (scenario.Get("fail") is { } message)
        {
            body = $"{{\"success\":false,\"message\":{JsonSerializer.Serialize(message)},\"data\":null}}";
        }
        else if (scenario.Has("success-last-false"))
        {
            body = $"{{\"data\":{data},\"message\":\"Account suspended\",\"success\":false}}";
        }
        else if (scenario.Has("no-data"))
        {
            body = "{\"success\":true,\"message\":\"\"}";
        }
        else if (scenario.Has("data-object"))
        {
            body = "{\"success\":true,\"message\":\"\",\"data\":{\"list\":[]}}";
        }
        else if (scenario.Has("data-null"))
        {
            body = "{\"success\":true,\"message\":\"\",\"data\":null}";
        }
        else
        {
            body = $"{{\"success\":true,\"message\":\"\",\"data\":{data}}}";
        }
        return Encoding.UTF8.GetBytes(body);
    }

    private static async Task WriteBodyAsync(HttpContext context, Scenario scenario, byte[] body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (scenario.Has("truncate"))
        {
            // Ends cleanly after half the body: JSON cut off mid-array.
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            return;
        }
        if (scenario.Has("reset-mid"))
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        if (scenario.GetInt("stall") is { } stall)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            await Task.Delay(stall, context.RequestAborted);
            await context.Response.Body.WriteAsync(body.AsMemory(body.Length / 2));
            return;
        }
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static async Task WriteHealthAsync(HttpContext context, Scenario scenario)
    {
        var unhealthy = scenario.Has("unhealthy");
        var data = new JsonObject
        {
            ["linerMonolithPhpGateway"] = Component(true, 0.0123, null),
            ["linerMicroRabbit"] = Component(true, 0.0045, new JsonObject { ["consumers"] = new JsonArray("calls", "sms") }),
            ["linerMicroStt"] = Component(!unhealthy, 0.2501, null),
        };
        await WriteEnvelopeAsync(context, unhealthy ? 503 : 200, !unhealthy, unhealthy ? "linerMicroStt is not responding" : string.Empty, data.ToJsonString());

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

    private static async Task WriteEnvelopeAsync(HttpContext context, int status, bool success, string message, string dataJson)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync($"{{\"success\":{(success ? "true" : "false")},\"message\":{JsonSerializer.Serialize(message)},\"data\":{dataJson}}}");
    }

    private static async Task WriteHtmlAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync($"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>");
    }

    private JsonArray LoadDefaultNumbers()
    {
        if (_options.Count is { } count)
        {
            return NumberGenerator.Generate(count);
        }
        var file = _options.DataFile ?? Path.Combine(AppContext.BaseDirectory, "sample-numbers.json");
        var node = JsonNode.Parse(File.ReadAllText(file));
        // A data file may hold the bare array or a whole envelope.
        return node as JsonArray ?? node?["data"] as JsonArray ?? throw new InvalidDataException($"{file} holds no array of numbers");
    }
}
