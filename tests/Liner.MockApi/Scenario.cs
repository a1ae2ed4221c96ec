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
/// Segments that are not tokens (a gateway's path prefix) are ignored.
/// <c>echo-key</c> answers 401 quoting the key it received; <c>echo-key=quote</c> accepts the key and
/// answers what the other tokens ask for, with the key quoted in every message it writes (the
/// envelope's, the health components', HTML titles) and in the Content-Type.
/// <c>stream=N</c> answers the numbers list with N generated numbers, each made as it is written.
/// <c>file-hold=RECORDID</c> sends half of that recording and holds the download open until the
/// client goes away.
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
    int? Streamed)
{
    public static Scenario Parse(string prefix)
    {
        var tokens = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in prefix.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var text = Uri.UnescapeDataString(segment);
            var equals = text.IndexOf('=');
            tokens[equals < 0 ? text : text[..equals]] = equals < 0 ? string.Empty : text[(equals + 1)..];
        }
        bool Has(string name) => tokens.ContainsKey(name);
        string? Text(string name) => tokens.TryGetValue(name, out var value) ? value : null;
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
            FileHold: long.TryParse(Text("file-hold"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hold) ? hold : null);
    }
}
