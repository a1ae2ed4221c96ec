using System.Diagnostics;
using System.Security;
using System.Text.Json;
using System.Text.RegularExpressions;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Tests;

/// <summary>
/// tests/Liner.MockApi, started once for the tests that read lists over real HTTP on loopback.
/// It exits with this test process.
/// </summary>
public sealed class MockServer : IDisposable
{
    public const string Key = "liner-xunit-key-0123456789";

    private readonly Process _process;
    private readonly HttpClient _control = new();

    public MockServer()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Liner.MockApi", "bin", configuration, "net10.0", "Liner.MockApi.dll"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--port", "0", "--key", Key, "--parent-pid", Environment.ProcessId.ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        // A CA of its own for the https listeners, which this process does not trust.
        Run(dll, "--make-ca", _caFolder);
        start.ArgumentList.Add("--tls");
        start.ArgumentList.Add(_caFolder);
        _process = Process.Start(start)!;
        var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"Liner.MockApi did not start: {_process.StandardError.ReadToEnd()}");
        Url = Regex.Match(line, @"listening on (\S+)").Groups[1].Value.TrimEnd('/');
        // Then one line per https listener ("  https-expired  https://127.0.0.1:PORT"), and an empty line.
        while (_process.StandardOutput.ReadLine() is { Length: > 0 } listener)
        {
            var parts = listener.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            HttpsUrls[parts[0]] = parts[1].TrimEnd('/');
        }
    }

    public string Url { get; }

    /// <summary>The https listeners by name: https, https-expired, https-wrong-host, https-untrusted.</summary>
    public Dictionary<string, string> HttpsUrls { get; } = new();

    private readonly string _caFolder = Path.Combine(Path.GetTempPath(), $"liner-xunit-ca-{Guid.NewGuid():n}");

    private static void Run(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
    }

    public LinerConnection Connect(string scenario, int retries = 0, int timeoutSec = 10) => ConnectTo($"{Url}/{scenario}/", retries, timeoutSec);

    /// <summary>A connection to any address, through <paramref name="proxy"/> when one is given.</summary>
    internal static LinerConnection ConnectTo(string apiHost, int retries = 0, int timeoutSec = 10, ProxySettings? proxy = null)
    {
        var key = new SecureString();
        foreach (var c in Key)
        {
            key.AppendChar(c);
        }
        return new LinerConnection(new Uri(apiHost.TrimEnd('/') + "/"), key, timeoutSec, retries, proxy);
    }

    /// <summary>The query strings of the requests the mock received for <paramref name="path"/> since the last clear.</summary>
    public List<string> Queries(string path)
    {
        var json = _control.GetStringAsync($"{Url}/_mock/requests").GetAwaiter().GetResult();
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(request => request.GetProperty("path").GetString()!.EndsWith(path, StringComparison.Ordinal))
            .Select(request => request.GetProperty("query").GetString()!)
            .ToList();
    }

    public void ClearRequests() => _control.DeleteAsync($"{Url}/_mock/requests").GetAwaiter().GetResult();

    public void Dispose()
    {
        _control.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.Dispose();
        if (Directory.Exists(_caFolder))
        {
            Directory.Delete(_caFolder, recursive: true);
        }
    }
}
