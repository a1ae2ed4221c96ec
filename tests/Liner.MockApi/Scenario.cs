using System.Globalization;

namespace Liner.MockApi;

/// <summary>The tokens that shape a response's body; equal shapes share one cached body.</summary>
internal sealed record BodyShape(
    int? Count,
    bool Empty,
    bool Extra,
    bool BigParams,
    bool WrongTypes,
    bool OddValues,
    string? Fail,
    bool SuccessLastFalse,
    bool NoData,
    bool DataObject,
    bool DataNull,
    bool NotEnvelope);

/// <summary>
/// What a request asks the mock to do, read from the path segments in front of the API path:
/// <c>/count=1000/extra/v2/sip-endpoints/</c>. Tests connect with such a prefix as part of the API
/// host, so every connection carries its own scenario and parallel tests never disturb each other.
/// Segments that are not tokens (a gateway's path prefix) are ignored. Every token is described once,
/// in <see cref="Tokens"/>, which <c>--help</c> prints; <see cref="Parse"/> reads no other.
/// </summary>
internal sealed record Scenario(
    string Prefix,
    BodyShape Body,
    bool Singular,
    int? Status,
    int? Times,
    string? RetryAfter,
    int? Delay,
    int? Stall,
    bool Html,
    bool EmptyBody,
    bool Truncate,
    bool Reset,
    bool ResetMid,
    int? RedirectPort,
    bool RedirectSame,
    bool RedirectScheme,
    bool Unhealthy,
    bool EchoKey,
    int? PageDelay,
    string LastNext,
    bool NoTotal,
    bool TotalGrows,
    int? MaxLimit,
    int? FailPage,
    bool V1Orders,
    int? FileSize,
    long? FileFail,
    long? FileReset,
    int? CallCount,
    int? FileRedirectPort,
    bool QuoteKey,
    long? FileHold,
    int? Streamed,
    string? Store,
    int? LeadCount,
    int? CreateDelay,
    int? CreateThen,
    bool CreateIdObject,
    IReadOnlySet<string> OrderUpdateRefuses)
{
    /// <summary>Every token, by group, with its meaning: the one list of them (<c>--help</c> prints it).</summary>
    public static readonly IReadOnlyList<(string Group, string Token, string Meaning)> Tokens = new[]
    {
        ("data", "count=N", "N generated numbers (ids from 100000), orders (from 5001) and users (from 10000) instead of the sample account"),
        ("data", "stream=N", "the numbers list with N generated numbers (ids from 1000000), each made as it is written and never held whole"),
        ("data", "empty", "no numbers"),
        ("data", "extra", "numbers with fields the docs do not list (region, createdAt, tags, limits)"),
        ("data", "singular", "the examples' (plural) spelling of numbers, statuses and custom fields answers 404 (HTML); the heading's spelling works"),
        ("data", "big-params", "one number larger than the client's read buffer"),
        ("data", "wrong-types", "a number whose channels is a string"),
        ("data", "odd-values", "ids and flags in other JSON types, values outside the documented ranges"),
        ("data", "fail=MESSAGE", "numbers: 200 with success false and this message"),
        ("data", "success-last-false", "numbers: the data first, success false last"),
        ("data", "no-data", "numbers: an envelope without data"),
        ("data", "data-object", "numbers: data is an object, not an array"),
        ("data", "data-null", "numbers: data is null"),
        ("data", "not-envelope", "numbers: the bare array, no envelope"),
        ("data", "unhealthy", "the health check answers 503 with one failing component"),
        ("faults", "status=CODE", "answer CODE (the envelope, success false) before doing anything, any method; with times=K only the first K attempts (per scenario, route and offset)"),
        ("faults", "times=K", "how many attempts status=CODE, fail-page=K and create-then=CODE apply to (default all)"),
        ("faults", "retry-after=S|DATE", "the Retry-After header of those answers"),
        ("faults", "delay=MS", "wait before answering anything"),
        ("faults", "stall=MS", "send half the body, wait, then the rest"),
        ("faults", "html", "an HTML page instead of JSON (with status=CODE: that status; without: 200, a proxy's sign-in page)"),
        ("faults", "empty-body", "200 with no body"),
        ("faults", "truncate", "half the body, then a clean end"),
        ("faults", "reset", "close the connection without an answer"),
        ("faults", "reset-mid", "half the body, then close the connection"),
        ("faults", "redirect=PORT", "302 to the same path (without this token) on plain http at that port"),
        ("faults", "redirect-same", "302 to the same path without this token"),
        ("faults", "redirect-scheme", "302 to the same host and port with the other scheme"),
        ("faults", "echo-key", "401 quoting the key received, in the message (or page title with html) and the Content-Type"),
        ("faults", "echo-key=quote", "accept the key, and quote it in every message, page title and Content-Type"),
        ("paging", "page-delay=MS", "wait before answering each page of a paged list"),
        ("paging", "max-limit=N", "pages hold at most N items (default 100)"),
        ("paging", "last-next=null|absent|total|past|stuck", "next on the last page: null (default), absent, total, the offset past it; stuck: every page's next is its own offset"),
        ("paging", "no-total", "pages carry no total"),
        ("paging", "total-grows", "total grows by one with every attempt"),
        ("paging", "fail-page=K", "503 for page K (from 0), with times=K"),
        ("orders", "v1-orders", "GET /v2/order/ answers 404 (the envelope), as an older Liner does; /v1/order/list/ serves"),
        ("calls", "calls=N", "N generated calls instead of 120"),
        ("calls", "file-size=BYTES", "the recordings' size (default 4096)"),
        ("calls", "file-fail=RECORDID", "that recording answers 500"),
        ("calls", "file-reset=RECORDID", "that recording breaks off half-way"),
        ("calls", "file-redirect=PORT", "recordings answer 302 to plain http on that port"),
        ("calls", "file-hold=RECORDID", "that recording sends half, then holds the download open until the client goes"),
        ("state", "store=NAME", "a store of its own: orders, leads, agent groups and call-attempt schemes made from the sample data on first use, changed by writes; without it, the default store. A store is known by its name with count=N and leads=N"),
        ("state", "leads=N", "the store starts with N generated leads, all in order 5001 (ids from 9000, phones +7999NNNNNNN), instead of the 30 sample leads"),
        ("writes", "create-delay=MS", "every create (any create route) is done, then waits MS before answering"),
        ("writes", "create-then=CODE", "every create is done, then answered with CODE (the envelope, success false) for the first times=K creates (default all)"),
        ("writes", "create-id=object", "creates answer data {\"id\": n} instead of the bare id"),
        ("writes", "order-update-refuses=FIELD[,FIELD]", "POST /v2/order/update/{id}/ refuses those fields as unknown (400), as a server that does not take them would"),
    };

    private static readonly HashSet<string> Known = Tokens.Select(token => token.Token.Split('=')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tokens as <c>--help</c> prints them, by group.</summary>
    public static string Describe()
    {
        var text = new System.Text.StringBuilder();
        var width = Tokens.Max(token => token.Token.Length);
        foreach (var group in Tokens.GroupBy(token => token.Group))
        {
            text.AppendLine($"  {group.Key}:");
            foreach (var (_, token, meaning) in group)
            {
                text.Append("    ").Append(token.PadRight(width)).Append("  ").AppendLine(meaning);
            }
        }
        return text.ToString();
    }

    public static Scenario Parse(string prefix)
    {
        var tokens = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in prefix.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var text = Uri.UnescapeDataString(segment);
            var equals = text.IndexOf('=');
            tokens[equals < 0 ? text : text[..equals]] = equals < 0 ? string.Empty : text[(equals + 1)..];
        }
        bool Has(string name) => tokens.ContainsKey(Documented(name));
        string? Text(string name) => tokens.TryGetValue(Documented(name), out var value) ? value : null;
        int? Number(string name) => int.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

        return new Scenario(
            prefix,
            new BodyShape(Number("count"), Has("empty"), Has("extra"), Has("big-params"), Has("wrong-types"), Has("odd-values"), Text("fail"), Has("success-last-false"), Has("no-data"), Has("data-object"), Has("data-null"), Has("not-envelope")),
            Singular: Has("singular"),
            Status: Number("status"),
            Times: Number("times"),
            RetryAfter: Text("retry-after"),
            Delay: Number("delay"),
            Stall: Number("stall"),
            Html: Has("html"),
            EmptyBody: Has("empty-body"),
            Truncate: Has("truncate"),
            Reset: Has("reset"),
            ResetMid: Has("reset-mid"),
            RedirectPort: Number("redirect"),
            RedirectSame: Has("redirect-same"),
            RedirectScheme: Has("redirect-scheme"),
            Unhealthy: Has("unhealthy"),
            EchoKey: Has("echo-key") && Text("echo-key") != "quote",
            PageDelay: Number("page-delay"),
            LastNext: Text("last-next") ?? "null",
            NoTotal: Has("no-total"),
            TotalGrows: Has("total-grows"),
            MaxLimit: Number("max-limit"),
            FailPage: Number("fail-page"),
            V1Orders: Has("v1-orders"),
            FileSize: Number("file-size"),
            FileFail: Number("file-fail"),
            FileReset: Number("file-reset"),
            CallCount: Number("calls"),
            FileRedirectPort: Number("file-redirect"),
            QuoteKey: Text("echo-key") == "quote",
            Streamed: Number("stream"),
            FileHold: long.TryParse(Text("file-hold"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hold) ? hold : null,
            Store: Text("store"),
            LeadCount: Number("leads"),
            CreateDelay: Number("create-delay"),
            CreateThen: Number("create-then"),
            CreateIdObject: Text("create-id") == "object",
            OrderUpdateRefuses: (Text("order-update-refuses") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal));
    }

    private static string Documented(string name) =>
        Known.Contains(name) ? name : throw new InvalidOperationException($"The token '{name}' is not in Scenario.Tokens: describe it there.");
}
