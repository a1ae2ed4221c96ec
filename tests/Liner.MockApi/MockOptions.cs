namespace Liner.MockApi;

/// <summary>Command-line settings: where to listen, which key to accept, which numbers to serve.</summary>
internal sealed record MockOptions(int Port, string ApiKey, string? DataFile, int? Count, int? ParentPid, string? TlsFolder, string? MakeCaFolder)
{
    public const string DefaultKey = "liner-test-key-0123456789";

    public const string Usage = """
        Liner.MockApi: a local stand-in for the Liner API, on loopback.
        usage: dotnet Liner.MockApi.dll [--port N] [--key KEY] [--data FILE | --count N] [--tls DIR] [--parent-pid PID]
               dotnet Liner.MockApi.dll --make-ca DIR
          --port N          the port to listen on (default 0: a free one; the URL is printed)
          --key KEY         the X-Api-Key to accept (default liner-test-key-0123456789)
          --data FILE       serve the numbers in FILE (an array, or a whole envelope)
          --count N         serve N generated numbers instead of the sample account
          --tls DIR         also serve https, with certificates issued by the test CA in DIR: a good
                            one, an expired one, one for another host name and one from a CA nobody
                            trusts, each on its own port (one banner line each, then an empty line)
          --make-ca DIR     write a new test CA (liner-test-ca.pem and its key) into DIR and exit
          --parent-pid PID  exit with that process; Ctrl+C is then left to it (the mock ignores it)
        Path segments in front of an API path pick a scenario: the routes and the tokens follow.
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
        string? tls = null;
        string? makeCa = null;
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
                case "--tls": tls = Next(); break;
                case "--make-ca": makeCa = Next(); break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }
        return new MockOptions(port, key, data, count, parent, tls, makeCa);

        int Number(string text) => int.TryParse(text, out var value) && value >= 0 ? value : throw new ArgumentException($"'{text}' is not a whole number.");
    }
}
