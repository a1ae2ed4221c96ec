namespace Liner.MockApi;

/// <summary>
/// What a request asks the mock to do, read from the path segments in front of the API path:
/// <c>/count=1000/extra/v2/sip-endpoints/</c>. Tests connect with such a prefix as part of the API
/// host, so every connection carries its own scenario and parallel tests never disturb each other.
/// </summary>
internal sealed class Scenario
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.OrdinalIgnoreCase);

    private Scenario(string prefix)
    {
        Prefix = prefix;
    }

    /// <summary>The whole prefix; requests with the same prefix share their counters.</summary>
    public string Prefix { get; }

    public bool Has(string name) => _tokens.ContainsKey(name);

    public string? Get(string name) => _tokens.TryGetValue(name, out var value) ? value : null;

    public int? GetInt(string name) => int.TryParse(Get(name), out var value) ? value : null;

    public static Scenario Parse(string prefix)
    {
        var scenario = new Scenario(prefix);
        foreach (var segment in prefix.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var text = Uri.UnescapeDataString(segment);
            var equals = text.IndexOf('=');
            if (equals < 0)
            {
                scenario._tokens[text] = string.Empty;
            }
            else
            {
                scenario._tokens[text[..equals]] = text[(equals + 1)..];
            }
        }
        return scenario;
    }
}
