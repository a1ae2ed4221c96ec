namespace Liner.MockApi;

/// <summary>Command-line settings: where to listen, which key to accept, which numbers to serve.</summary>
internal sealed record MockOptions(int Port, string ApiKey, string? DataFile, int? Count, int? ParentPid)
{
    public const string DefaultKey = "liner-test-key-0123456789";

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
                case "--port": port = int.Parse(Next()); break;
                case "--key": key = Next(); break;
                case "--data": data = Next(); break;
                case "--count": count = int.Parse(Next()); break;
                case "--parent-pid": parent = int.Parse(Next()); break;
                default: throw new ArgumentException($"Unknown argument {args[i]}. Use --port N --key KEY --data FILE --count N --parent-pid PID.");
            }
        }
        return new MockOptions(port, key, data, count, parent);
    }
}
