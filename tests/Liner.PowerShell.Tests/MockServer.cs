using System.Diagnostics;
using System.Security;
using System.Text.Json;
using System.Text.RegularExpressions;

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
        _process = Process.Start(start)!;
        var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"Liner.MockApi did not start: {_process.StandardError.ReadToEnd()}");
        Url = Regex.Match(line, @"listening on (\S+)").Groups[1].Value.TrimEnd('/');
    }

    public string Url { get; }

    public LinerConnection Connect(string scenario, int retries = 0, int timeoutSec = 10)
    {
        var key = new SecureString();
        foreach (var c in Key)
        {
            key.AppendChar(c);
        }
        return new LinerConnection(new Uri($"{Url}/{scenario}/"), key, timeoutSec, retries);
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
    }
}
