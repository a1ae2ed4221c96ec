using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Liner.MockApi;

/// <summary>
/// One endpoint of the mock, declared once in <see cref="LinerRoutes"/>: its method, its path template
/// (<c>{id}</c> stands for a number), whether it is a paged list, one line for <c>--help</c>, and the
/// handler that answers it. The router finds it, reads the scenario from the segments in front of the
/// template, applies the faults, pages a paged list's items and writes the answer.
/// </summary>
internal sealed class MockRoute
{
    public MockRoute(string method, string template, string description, Func<RouteCall, Reply> handle)
    {
        Method = method;
        Template = template;
        Description = description;
        Handle = handle;
        Pattern = new Regex(Regex.Escape(template).Replace(@"\{id}", @"(?<id>\d+)", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
    }

    public string Method { get; }

    public string Template { get; }

    public string Description { get; }

    public Func<RouteCall, Reply> Handle { get; }

    /// <summary>Takes offset and limit, and answers <c>{list, next, total}</c> (the handler gives the whole list).</summary>
    public bool Paged { get; init; }

    /// <summary>The docs' examples' spelling of a path whose heading is spelled otherwise: 404 under <c>singular</c>.</summary>
    public bool Plural { get; init; }

    /// <summary>Served without the key, as a storage host serves files: after the redirects, before the key check.</summary>
    public bool Open { get; init; }

    /// <summary>A create: <c>create-delay</c>, <c>create-then</c> and <c>create-id</c> apply to it.</summary>
    public bool Creates { get; init; }

    /// <summary>Matches the end of a request's path; the segments in front of the match are the scenario.</summary>
    public Regex Pattern { get; }
}

/// <summary>The routes, found by the end of a request's path.</summary>
internal sealed class RouteTable : List<MockRoute>
{
    /// <summary>
    /// The route whose template ends <paramref name="path"/> (the longest, should two), for
    /// <paramref name="method"/> (HEAD as GET); <c>Allowed</c> lists the methods the path takes when
    /// none is for this one.
    /// </summary>
    public (MockRoute? Route, Match Match, string? Allowed) Find(string method, string path)
    {
        if (HttpMethods.IsHead(method))
        {
            method = HttpMethods.Get;
        }
        var matches = this.Select(route => (Route: route, Match: route.Pattern.Match(path)))
            .Where(found => found.Match.Success)
            .OrderByDescending(found => found.Route.Template.Length)
            .ToList();
        if (matches.Count == 0)
        {
            return (null, Match.Empty, null);
        }
        var longest = matches[0].Route.Template.Length;
        foreach (var (route, match) in matches)
        {
            if (route.Template.Length == longest && string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return (route, match, null);
            }
        }
        return (null, matches[0].Match, string.Join(", ", matches.Where(found => found.Route.Template.Length == longest).Select(found => found.Route.Method)));
    }

    /// <summary>The route table as <c>--help</c> prints it.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var methods = this.Max(route => route.Method.Length);
        var width = methods + 1 + this.Max(route => route.Template.Length);
        foreach (var route in this)
        {
            var flags = string.Join(", ", new[] { route.Paged ? "paged" : null, route.Open ? "no key" : null }.OfType<string>());
            var head = $"{route.Method.PadRight(methods)} {route.Template}";
            text.Append("  ").Append(head.PadRight(width)).Append("  ")
                .Append(flags.Length > 0 ? $"({flags}) " : string.Empty)
                .AppendLine(route.Description);
        }
        return text.ToString();
    }
}

/// <summary>What a handler is given: the request, its scenario, the id in its path, its JSON body, its store.</summary>
internal sealed class RouteCall
{
    private readonly Lazy<Store> _store;

    public RouteCall(HttpContext context, Scenario scenario, Match match, JsonObject body, Stores stores)
    {
        Context = context;
        Scenario = scenario;
        Id = match.Groups["id"].Success ? long.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture) : 0;
        Body = body;
        _store = new Lazy<Store>(() => stores.For(scenario));
    }

    /// <summary>The store the scenario picks (<c>store=NAME</c>, or the default one).</summary>
    public Store Store => _store.Value;

    public HttpContext Context { get; }

    public HttpRequest Request => Context.Request;

    public IQueryCollection Query => Context.Request.Query;

    public Scenario Scenario { get; }

    /// <summary>The <c>{id}</c> of the path; 0 when the template has none.</summary>
    public long Id { get; }

    /// <summary>A POST's body (an empty object for a GET).</summary>
    public JsonObject Body { get; }
}

/// <summary>What a handler answers; the router writes it.</summary>
internal abstract record Reply
{
    /// <summary>The whole list: a paged route pages it, another answers it as the envelope's array.</summary>
    public static Reply List(IReadOnlyList<JsonNode> items) => new ListReply(items);

    /// <summary>A whole 200 body, written as the body tokens (truncate, stall, ...) say.</summary>
    public static Reply Body(byte[] body) => new BodyReply(body);

    /// <summary>One item: 200 with the envelope.</summary>
    public static Reply Item(JsonNode item) => new EnvelopeReply(200, true, string.Empty, item.ToJsonString());

    public static Reply Envelope(int status, bool success, string message, string dataJson) => new EnvelopeReply(status, success, message, dataJson);

    /// <summary>A write done: data is <paramref name="id"/> (null: nothing), as a bare number or as <c>create-id</c> says.</summary>
    public static Reply Done(long? id) => new DoneReply(id);

    /// <summary>Writes the answer itself (a file, a streamed list).</summary>
    public static Reply Custom(Func<HttpContext, Task> write) => new CustomReply(write);
}

internal sealed record ListReply(IReadOnlyList<JsonNode> Items) : Reply;

internal sealed record BodyReply(byte[] Bytes) : Reply;

internal sealed record EnvelopeReply(int Status, bool Success, string Message, string DataJson) : Reply;

internal sealed record DoneReply(long? Id) : Reply;

internal sealed record CustomReply(Func<HttpContext, Task> Write) : Reply;

/// <summary>A refusal a handler throws: answered with the envelope, <c>success</c> false and this message.</summary>
internal sealed class ApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiError NotFound(string noun, long id) => new(404, $"{noun} {id} not found");

    public static ApiError Unknown(string field) => new(400, $"Unknown field '{field}'");

    public static ApiError Required(string field) => new(400, $"Field '{field}' is required");

    public static ApiError Invalid(string field, string reason) => new(400, $"Field '{field}' is invalid: {reason}");
}
