namespace Liner.MockApi;

/// <summary>Command-line settings: where to listen, which key to accept, which numbers to serve.</summary>
internal sealed record MockOptions(int Port, string ApiKey, string? DataFile, int? Count, int? ParentPid)
{
    public const string DefaultKey = "liner-test-key-0123456789";

    public const string Usage = """
        Liner.MockApi: a local stand-in for the Liner API, on loopback.
        usage: dotnet Liner.MockApi.dll [--port N] [--key KEY] [--data FILE | --count N] [--parent-pid PID]
          --port N          the port to listen on (default 0: a free one; the URL is printed)
          --key KEY         the X-Api-Key to accept (default liner-test-key-0123456789)
          --data FILE       serve the numbers in FILE (an array, or a whole envelope)
          --count N         serve N generated numbers instead of the sample account
          --parent-pid PID  exit with that process; Ctrl+C is then left to it (the mock ignores it)
        Path segments in front of an API path pick a scenario: see MockRouter.cs.
        """;

    /// <summary>True when the command line asks for help.</summary>
    public static bool WantsHelp(string[] args) => args.Any(arg => arg is "--help" or "-h" or "-?" or "/?");

    public static MockOptions Parse(string[] args)
    {
        int port = 0;
        string key = DefaultKey;
        string? data = null;
        int? count = null;
        int? parent = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--port": port = Number(Next()); break;
                case "--key": key = Next(); break;
                case "--data": data = Next(); break;
                case "--count": count = Number(Next()); break;
                case "--parent-pid": parent = Number(Next()); break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }
        return new MockOptions(port, key, data, count, parent);

        int Number(string text) => int.TryParse(text, out var value) && value >= 0 ? value : throw new ArgumentException($"'{text}' is not a whole number.");
    }
}
