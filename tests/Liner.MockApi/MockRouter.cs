using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// Routes a request: the control endpoints, then an API path (with the scenario prefix in front of
/// it), the key check, the faults the scenario asks for, and the body.
/// API paths: <c>/v2/sip-endpoints/</c> (and its singular spelling), <c>/v1/health/check/</c>, and the
/// paged <c>/v2/order/</c> (offset, limit).
/// Scenario tokens (see <see cref="Scenario"/>): data: <c>count=N</c>, <c>empty</c>, <c>extra</c>,
/// <c>singular</c> (plural path is 404), <c>big-params</c>, <c>wrong-types</c>, <c>odd-values</c>,
/// <c>fail=MESSAGE</c>, <c>success-last-false</c>, <c>no-data</c>, <c>data-object</c>, <c>data-null</c>,
/// <c>not-envelope</c>, <c>unhealthy</c>; faults: <c>status=CODE</c> with <c>times=K</c> and
/// <c>retry-after=S|date</c>, <c>delay=MS</c>, <c>stall=MS</c>, <c>html</c>, <c>empty-body</c>,
/// <c>truncate</c>, <c>reset</c>, <c>reset-mid</c>, <c>redirect=PORT</c>, <c>redirect-same</c>,
/// <c>redirect-https</c>, <c>echo-key</c>; paging: <c>page-delay=MS</c>, <c>max-limit=N</c>,
/// <c>last-next=null|absent|total|past|stuck</c>, <c>no-total</c>, <c>total-grows</c>,
/// <c>fail-page=K</c> (503 for page K, with <c>times</c>).
/// Control: <c>GET|DELETE /_mock/requests</c> (DELETE also restarts the fault counters).
/// </summary>
internal sealed class MockRouter
{
    private const string PluralPath = "/v2/sip-endpoints/";
    private const string SingularPath = "/v2/sip-endpoint/";
    private const string HealthPath = "/v1/health/check/";
    private const string OrdersPath = "/v2/order/";
    private static readonly string[] ApiPaths = { PluralPath, SingularPath, HealthPath, OrdersPath };

    private readonly MockOptions _options;
    private readonly RequestLog _log;
    private readonly Bodies _bodies;

    public MockRouter(MockOptions options, RequestLog log)
    {
        _options = options;
        _log = log;
        _bodies = new Bodies(options);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/_mock/", StringComparison.Ordinal))
        {
            await HandleControlAsync(context, path);
            return;
        }

        var apiPath = ApiPaths.FirstOrDefault(api => path.EndsWith(api, StringComparison.Ordinal));
        var key = request.Headers["X-Api-Key"].ToString();
        var keyPresent = request.Headers.ContainsKey("X-Api-Key");
        var accepted = keyPresent && key == _options.ApiKey;
        _log.Add(new LoggedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, keyPresent, accepted, keyPresent ? key : null, request.Headers.Accept.ToString(), request.Headers.UserAgent.ToString(), context.Connection.Id));

        if (apiPath is null)
        {
            await Faults.WriteHtmlAsync(context, 404, "404 Not Found");
            return;
        }
        var scenario = Scenario.Parse(path[..^apiPath.Length]);
        var offset = long.TryParse(request.Query["offset"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var limit = int.TryParse(request.Query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 50;
        var attempt = _log.CountAttempt($"{scenario.Prefix}{apiPath}?{offset}");

        if (scenario.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        if (apiPath == OrdersPath && scenario.PageDelay is { } pageDelay)
        {
            await Task.Delay(pageDelay, context.RequestAborted);
        }
        if (Faults.TryRedirect(context, scenario, path))
        {
            return;
        }
        if (scenario.EchoKey)
        {
            await Faults.EchoKeyAsync(context, scenario, key);
            return;
        }
        if (!accepted)
        {
            await Faults.WriteEnvelopeAsync(context, 401, false, "Invalid API key", "null");
            return;
        }
        var failThisPage = scenario.FailPage is { } page && apiPath == OrdersPath && offset == (long)page * Math.Min(limit, scenario.MaxLimit ?? 100);
        if (await Faults.TryFailAsync(context, scenario, attempt, failThisPage))
        {
            return;
        }

        switch (apiPath)
        {
            case HealthPath:
                await Faults.WriteEnvelopeAsync(context, scenario.Unhealthy ? 503 : 200, !scenario.Unhealthy, scenario.Unhealthy ? "linerMicroStt is not responding" : string.Empty, Bodies.Health(scenario.Unhealthy));
                return;
            case PluralPath when scenario.Singular:
                await Faults.WriteHtmlAsync(context, 404, "404 Not Found");
                return;
            case OrdersPath:
                await Faults.WriteBodyAsync(context, scenario, Bodies.Page(OrderGenerator.Generate(scenario.Body.Count ?? OrderGenerator.DefaultCount), scenario, offset, limit, attempt));
                return;
            default:
                await Faults.WriteBodyAsync(context, scenario, _bodies.Numbers(scenario.Body));
                return;
        }
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
}
