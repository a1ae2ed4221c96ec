using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// Routes a request: the control endpoints, then an API path (with the scenario prefix in front of
/// it), the key check, the faults the scenario asks for, and the body.
/// API paths: <c>/v2/sip-endpoints/</c> (and its singular spelling), <c>/v1/health/check/</c>, the paged
/// <c>/v2/order/</c> and <c>/v2/user/list/</c> (offset, limit; users also accessGroup, isActive),
/// <c>/v1/order/list/</c>, and <c>/v2/user/detail/{id}/</c>. Data: the sample files, or <c>count=N</c>
/// generated items; <c>v1-orders</c> makes <c>/v2/order/</c> answer 404, as an older Liner does.
/// Scenario tokens (see <see cref="Scenario"/>): data: <c>count=N</c>, <c>stream=N</c>, <c>empty</c>, <c>extra</c>,
/// <c>singular</c> (plural path is 404), <c>big-params</c>, <c>wrong-types</c>, <c>odd-values</c>,
/// <c>fail=MESSAGE</c>, <c>success-last-false</c>, <c>no-data</c>, <c>data-object</c>, <c>data-null</c>,
/// <c>not-envelope</c>, <c>unhealthy</c>; faults: <c>status=CODE</c> with <c>times=K</c> and
/// <c>retry-after=S|date</c>, <c>delay=MS</c>, <c>stall=MS</c>, <c>html</c>, <c>empty-body</c>,
/// <c>truncate</c>, <c>reset</c>, <c>reset-mid</c>, <c>redirect=PORT</c>, <c>redirect-same</c>,
/// <c>redirect-scheme</c> (the same host and port, the other scheme), <c>echo-key</c>,
/// <c>echo-key=quote</c>; paging: <c>page-delay=MS</c>, <c>max-limit=N</c>,
/// <c>last-next=null|absent|total|past|stuck</c>, <c>no-total</c>, <c>total-grows</c>,
/// <c>fail-page=K</c> (503 for page K, with <c>times</c>); calls: <c>calls=N</c> generated calls,
/// recordings <c>file-size=BYTES</c>, <c>file-fail=RECORDID</c> (500), <c>file-reset=RECORDID</c>,
/// <c>file-redirect=PORT</c> (302 to plain http on that port), <c>file-hold=RECORDID</c> (half, then held open).
/// Control: <c>GET|DELETE /_mock/requests</c> (DELETE also restarts the fault counters).
/// </summary>
internal sealed class MockRouter
{
    private const string PluralPath = "/v2/sip-endpoints/";
    private const string SingularPath = "/v2/sip-endpoint/";
    private const string HealthPath = "/v1/health/check/";
    private const string OrdersPath = "/v2/order/";
    private const string OrdersV1Path = "/v1/order/list/";
    private const string UsersPath = "/v2/user/list/";
    private const string UserDetailPath = "/v2/user/detail/";
    private const string CallsPath = "/v2/call/";
    private const string CallDetailPath = "/v2/call/detail/";
    private const string RecordsPath = "/v2/call-record/";
    private const string RecordDetailPath = "/v2/call-record/detail/";
    private const string FilePath = "/files/";
    private const string CallStatusesPath = "/v2/call-statuses/";
    private const string CallStatusPath = "/v2/call-status/";
    private const string LeadStatusesPath = "/v2/lead-statuses/";
    private const string LeadStatusPath = "/v2/lead-status/";
    private static readonly string[] ApiPaths =
    {
        PluralPath, SingularPath, HealthPath, OrdersPath, OrdersV1Path, UsersPath, CallsPath, RecordsPath,
        CallStatusesPath, CallStatusPath, LeadStatusesPath, LeadStatusPath,
    };

    // Paths that end in an id: the detail endpoints, and the recordings' files.
    private static readonly (string Path, System.Text.RegularExpressions.Regex Pattern)[] IdPaths =
    {
        (UserDetailPath, new(@"/v2/user/detail/(?<id>\d+)/$")),
        (CallDetailPath, new(@"/v2/call/detail/(?<id>\d+)/$")),
        (RecordDetailPath, new(@"/v2/call-record/detail/(?<id>\d+)/$")),
        (FilePath, new(@"/files/(?<id>\d+)\.mp3$")),
    };

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

        var detail = System.Text.RegularExpressions.Match.Empty;
        string? apiPath = null;
        foreach (var (idPath, pattern) in IdPaths)
        {
            if (pattern.Match(path) is { Success: true } match)
            {
                (detail, apiPath) = (match, idPath);
                break;
            }
        }
        apiPath ??= ApiPaths.FirstOrDefault(api => path.EndsWith(api, StringComparison.Ordinal));
        var key = request.Headers["X-Api-Key"].ToString();
        var keyPresent = request.Headers.ContainsKey("X-Api-Key");
        var accepted = keyPresent && key == _options.ApiKey;
        _log.Add(context, new LoggedRequest(request.Scheme, request.Method, path, request.QueryString.Value ?? string.Empty, keyPresent, accepted, keyPresent ? key : null, request.Headers.Accept.ToString(), request.Headers.UserAgent.ToString(), context.Connection.Id));

        if (apiPath is null)
        {
            await Faults.WriteHtmlAsync(context, 404, "404 Not Found");
            return;
        }
        var scenario = Scenario.Parse(path[..(detail.Success ? detail.Index : path.Length - apiPath.Length)]);
        var offset = long.TryParse(request.Query["offset"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var limit = int.TryParse(request.Query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 50;
        var attempt = _log.CountAttempt($"{scenario.Prefix}{apiPath}?{offset}");

        if (scenario.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        var paged = apiPath is OrdersPath or UsersPath or CallsPath or RecordsPath;
        if (paged && scenario.PageDelay is { } pageDelay)
        {
            await Task.Delay(pageDelay, context.RequestAborted);
        }
        if (Faults.TryRedirect(context, scenario, path))
        {
            return;
        }
        if (apiPath == FilePath && scenario.FileRedirectPort is { } filePort)
        {
            // A storage host that sends the recording on to plain http (on another port of this computer).
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = $"http://127.0.0.1:{filePort}{path.Replace($"/file-redirect={filePort}", string.Empty)}";
            return;
        }
        if (apiPath == FilePath)
        {
            // Recordings are files, as a storage host would serve them: no key needed (the log says whether one came).
            await Calls.WriteFileAsync(context, scenario, long.Parse(detail.Groups["id"].Value, CultureInfo.InvariantCulture));
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
        var failThisPage = scenario.FailPage is { } page && paged && offset == (long)page * Math.Min(limit, scenario.MaxLimit ?? 100);
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
            case OrdersPath when scenario.V1Orders:
                await Faults.WriteEnvelopeAsync(context, 404, false, "Route not found", "null");
                return;
            case OrdersPath:
                await Faults.WriteBodyAsync(context, scenario, Bodies.Page(_bodies.Orders(scenario.Body.Count), scenario, offset, limit, attempt));
                return;
            case OrdersV1Path:
                await Faults.WriteBodyAsync(context, scenario, _bodies.OrdersV1());
                return;
            case UsersPath:
                var users = _bodies.Users(scenario.Body.Count, request.Query["accessGroup"].FirstOrDefault(), request.Query["isActive"].FirstOrDefault());
                await Faults.WriteBodyAsync(context, scenario, Bodies.Page(users, scenario, offset, limit, attempt));
                return;
            case CallsPath:
                if (Calls.Select(request.Query, scenario) is not { } calls)
                {
                    await Faults.WriteEnvelopeAsync(context, 400, false, "orderIds or leadIds is required", "null");
                    return;
                }
                await Faults.WriteBodyAsync(context, scenario, Bodies.Page(calls, scenario, offset, limit, attempt));
                return;
            case CallDetailPath:
                await WriteDetailAsync(context, CallGenerator.Calls(scenario.CallCount ?? CallGenerator.DefaultCount), detail, "Call");
                return;
            case RecordsPath:
                await Faults.WriteBodyAsync(context, scenario, Bodies.Page(Calls.Records(request, scenario), scenario, offset, limit, attempt));
                return;
            case RecordDetailPath:
                await WriteDetailAsync(context, Calls.Records(request, scenario, onlyFor: null), detail, "Call record");
                return;
            case CallStatusesPath or LeadStatusesPath when scenario.Singular:
                await Faults.WriteHtmlAsync(context, 404, "404 Not Found");
                return;
            case CallStatusesPath or CallStatusPath:
                await Faults.WriteBodyAsync(context, scenario, Calls.CallStatuses());
                return;
            case LeadStatusesPath or LeadStatusPath:
                await Faults.WriteBodyAsync(context, scenario, Calls.LeadStatuses());
                return;
            case UserDetailPath:
                var id = long.Parse(detail.Groups["id"].Value, CultureInfo.InvariantCulture);
                if (_bodies.Users(null, null, null).FirstOrDefault(user => (long)user["id"]! == id) is { } found)
                {
                    await Faults.WriteEnvelopeAsync(context, 200, true, string.Empty, found.ToJsonString());
                }
                else
                {
                    await Faults.WriteEnvelopeAsync(context, 404, false, $"User {id} not found", "null");
                }
                return;
            case PluralPath or SingularPath when scenario.Streamed is { } streamed:
                await NumberGenerator.WriteStreamedAsync(context, streamed);
                return;
            default:
                await Faults.WriteBodyAsync(context, scenario, _bodies.Numbers(scenario.Body));
                return;
        }
    }

    private static async Task WriteDetailAsync(HttpContext context, IEnumerable<JsonNode> items, System.Text.RegularExpressions.Match detail, string noun)
    {
        var id = long.Parse(detail.Groups["id"].Value, CultureInfo.InvariantCulture);
        if (items.FirstOrDefault(item => (long)item["id"]! == id) is { } found)
        {
            await Faults.WriteEnvelopeAsync(context, 200, true, string.Empty, found.ToJsonString());
        }
        else
        {
            await Faults.WriteEnvelopeAsync(context, 404, false, $"{noun} {id} not found", "null");
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
        if (path == "/_mock/connections")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(_log.Connections()));
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
