using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// Answers a request: the control endpoints (<c>/_mock/...</c>), else the route (<see cref="LinerRoutes"/>)
/// whose template ends the path, with the scenario read from the segments in front of it
/// (<see cref="Scenario"/>). In this order: the log (with the body), 404 for an unknown path and 405 for
/// a method the path does not take, <c>delay</c>, <c>page-delay</c>, the redirects, a route that needs no
/// key (files), <c>echo-key</c>, the key, the faults (<c>status</c>, <c>fail-page</c>, <c>html</c>, ...),
/// <c>singular</c>, a write's JSON body, the handler, then for a create <c>create-then</c> and
/// <c>create-delay</c>, and the answer: a paged list paged, an unpaged list in the envelope, a write's id.
/// <c>--help</c> prints the routes and the tokens (<see cref="Help"/>).
/// </summary>
internal sealed class MockRouter
{
    private readonly MockOptions _options;
    private readonly RequestLog _log;
    private readonly RouteTable _routes;
    private readonly Stores _stores;

    public MockRouter(MockOptions options, RequestLog log)
    {
        _options = options;
        _log = log;
        var bodies = new Bodies(options);
        _routes = new LinerRoutes(bodies).Table;
        _stores = new Stores(bodies);
    }

    /// <summary>What <c>--help</c> prints after the options: the routes, the scenario tokens and the control endpoints.</summary>
    public static string Help() =>
        "API routes (a path may have scenario segments in front: /count=1000/status=503/times=1/v2/sip-endpoints/).\n" +
        "Every answer is Liner's envelope {success, message, data}; a write is a POST with a JSON body\n" +
        "(Content-Type application/json) and the key: an unknown field is 400 \"Unknown field 'x'\", a field\n" +
        "missing or bad is 400 naming it, an id that is not there 404. GET paths also take HEAD; another method 405.\n" +
        new LinerRoutes(new Bodies(MockOptions.Parse([]))).Table.Describe() +
        "\nScenario tokens (path segments; other segments, such as a gateway's prefix, are ignored):\n" +
        Scenario.Describe() +
        "\nControl:\n" +
        "  GET    /_mock/requests     the requests since the last clear: scheme, method, path, query, apiKeyPresent,\n" +
        "                             apiKeyAccepted, apiKey, accept, userAgent, connectionId, at, protocol,\n" +
        "                             bodyLength and bodyBytesSent (of the answer), body (the request's, as text)\n" +
        "  DELETE /_mock/requests     clears the log, the fault counters (times=K) and the connection counts\n" +
        "  GET    /_mock/connections  the TCP connections each listener accepted (a refused TLS handshake is one without a request)\n" +
        "  DELETE /_mock/stores       forgets every store, the default one too: the next request starts from the samples\n";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/_mock/", StringComparison.Ordinal))
        {
            await HandleControlAsync(context, path);
            return;
        }

        var (route, match, allowed) = _routes.Find(request.Method, path);
        var key = request.Headers["X-Api-Key"].ToString();
        var keyPresent = request.Headers.ContainsKey("X-Api-Key");
        var accepted = keyPresent && key == _options.ApiKey;
        var entry = new LoggedRequest(request.Scheme, request.Method, path, request.QueryString.Value ?? string.Empty, keyPresent, accepted, keyPresent ? key : null, request.Headers.Accept.ToString(), request.Headers.UserAgent.ToString(), context.Connection.Id);
        _log.Add(context, entry);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            entry.Body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        if (allowed is not null)
        {
            context.Response.Headers.Allow = allowed;
            await Faults.WriteEnvelopeAsync(context, 405, false, $"Method {request.Method} is not allowed here: use {allowed}", "null");
            return;
        }
        if (route is null)
        {
            await Faults.WriteHtmlAsync(context, 404, "404 Not Found");
            return;
        }
        var scenario = Scenario.Parse(path[..match.Index]);
        var offset = long.TryParse(request.Query["offset"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var limit = int.TryParse(request.Query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 50;
        var attempt = _log.CountAttempt($"{scenario.Prefix}{route.Template}?{offset}");

        if (scenario.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        if (route.Paged && scenario.PageDelay is { } pageDelay)
        {
            await Task.Delay(pageDelay, context.RequestAborted);
        }
        if (Faults.TryRedirect(context, scenario, path))
        {
            return;
        }
        if (route.Open)
        {
            await AnswerAsync(context, route, scenario, match, new JsonObject(), offset, limit, attempt);
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
        var failThisPage = scenario.FailPage is { } page && route.Paged && offset == (long)page * Math.Min(limit, scenario.MaxLimit ?? 100);
        if (await Faults.TryFailAsync(context, scenario, attempt, failThisPage))
        {
            return;
        }
        if (route.Plural && scenario.Singular)
        {
            await Faults.WriteHtmlAsync(context, 404, "404 Not Found");
            return;
        }
        var body = new JsonObject();
        if (HttpMethods.IsPost(request.Method))
        {
            try
            {
                body = JsonBody(request, entry.Body);
            }
            catch (ApiError error)
            {
                await Faults.WriteEnvelopeAsync(context, error.Status, false, error.Message, "null");
                return;
            }
        }
        await AnswerAsync(context, route, scenario, match, body, offset, limit, attempt);
    }

    private async Task AnswerAsync(HttpContext context, MockRoute route, Scenario scenario, System.Text.RegularExpressions.Match match, JsonObject body, long offset, int limit, int attempt)
    {
        Reply reply;
        try
        {
            reply = route.Handle(new RouteCall(context, scenario, match, body, _stores));
        }
        catch (ApiError error)
        {
            reply = Reply.Envelope(error.Status, false, error.Message, "null");
        }
        if (route.Creates && reply is DoneReply)
        {
            // The create is done: now the answer may be slow, or fail all the same.
            var failAfter = scenario.CreateThen is not null && _log.CountAttempt($"create-then|{scenario.Prefix}{route.Template}") <= (scenario.Times ?? int.MaxValue);
            if (scenario.CreateDelay is { } createDelay)
            {
                try
                {
                    await Task.Delay(createDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (failAfter)
            {
                if (scenario.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }
                reply = Reply.Envelope(scenario.CreateThen!.Value, false, $"Simulated failure {scenario.CreateThen}", "null");
            }
        }
        switch (reply)
        {
            case ListReply list when route.Paged:
                await Faults.WriteBodyAsync(context, scenario, Bodies.Page(list.Items, scenario, offset, limit, attempt));
                break;
            case ListReply list:
                await Faults.WriteBodyAsync(context, scenario, Bodies.List(list.Items));
                break;
            case BodyReply whole:
                await Faults.WriteBodyAsync(context, scenario, whole.Bytes);
                break;
            case EnvelopeReply envelope:
                await Faults.WriteEnvelopeAsync(context, envelope.Status, envelope.Success, envelope.Message, envelope.DataJson);
                break;
            case DoneReply done:
                var data = done.Id is not { } id ? "null"
                    : scenario.CreateIdObject && route.Creates ? new JsonObject { ["id"] = id }.ToJsonString()
                    : id.ToString(CultureInfo.InvariantCulture);
                await Faults.WriteEnvelopeAsync(context, 200, true, string.Empty, data);
                break;
            case CustomReply custom:
                await custom.Write(context);
                break;
        }
    }

    /// <summary>A write's body: a JSON object sent as application/json; anything else is refused with the envelope.</summary>
    private static JsonObject JsonBody(HttpRequest request, string? text)
    {
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType : null;
        if (!string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiError(415, $"Content-Type must be application/json, not '{request.ContentType}'");
        }
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            if (node is not null)
            {
                Samples.Materialize(node);
            }
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new ApiError(400, $"The body is not valid JSON: {error.Message}");
        }
        return node as JsonObject ?? throw new ApiError(400, "The body must be a JSON object");
    }

    private async Task HandleControlAsync(HttpContext context, string path)
    {
        if (path == "/_mock/requests" && HttpMethods.IsDelete(context.Request.Method))
        {
            _log.Clear();
            context.Response.StatusCode = 204;
            return;
        }
        if (path == "/_mock/stores" && HttpMethods.IsDelete(context.Request.Method))
        {
            _stores.Clear();
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
