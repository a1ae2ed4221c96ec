using System.Diagnostics;
using System.Runtime.InteropServices;
using Liner.MockApi;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// A local stand-in for the Liner API: the documented endpoints on loopback, the X-Api-Key check, and
// per-request scenarios chosen by a path prefix (see Scenario and MockRouter).
if (MockOptions.WantsHelp(args))
{
    Console.WriteLine(MockOptions.Usage);
    Console.WriteLine();
    Console.Write(MockRouter.Help());
    return 0;
}
MockOptions options;
try
{
    options = MockOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"Liner.MockApi: {error.Message}");
    Console.Error.WriteLine(MockOptions.Usage);
    return 2;
}

if (options.MakeCaFolder is { } caFolder)
{
    TestCertificates.MakeAuthority(caFolder);
    Console.WriteLine(Path.GetFullPath(Path.Combine(caFolder, TestCertificates.CertificateFile)));
    return 0;
}

var builder = WebApplication.CreateSlimBuilder();
if (options.ParentPid is not null)
{
    // Started by a script: Ctrl+C at that script's prompt reaches the whole process group; it is the
    // script's to handle, and the mock keeps serving until its parent exits.
    builder.Services.AddSingleton<IHostLifetime, ParentLifetime>();
}
builder.Logging.ClearProviders();
// http on the chosen port; with --tls, each https listener on a free port of its own.
var listeners = new List<(string Name, ListenOptions Options)>();
var log = new RequestLog();
var certificates = options.TlsFolder is null ? [] : TestCertificates.ServerCertificates(options.TlsFolder);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, options.Port, listen => Counted("http", listen));
    foreach (var (name, certificate) in certificates)
    {
        kestrel.Listen(IPAddress.Loopback, 0, listen => Counted(name, listen).UseHttps(certificate));
    }
});

var app = builder.Build();
var endpoints = new MockRouter(options, log);
app.Run(endpoints.HandleAsync);

await app.StartAsync();
// The banner: the http address with the key, then one line per https listener, then an empty line.
Console.WriteLine($"Liner.MockApi listening on {Url(listeners[0])} (API key: {options.ApiKey})");
foreach (var (name, listen) in listeners.Skip(1))
{
    Console.WriteLine($"  {name,-17} {Url((name, listen))}");
}
Console.WriteLine();
Console.Out.Flush();

if (options.ParentPid is { } parentPid)
{
    // Exit with the process that started the mock, so a killed test run leaves no server behind.
    _ = Task.Run(async () =>
    {
        while (true)
        {
            try
            {
                using var parent = Process.GetProcessById(parentPid);
                if (parent.HasExited)
                {
                    break;
                }
            }
            catch (ArgumentException)
            {
                break;
            }
            await Task.Delay(500);
        }
        await app.StopAsync();
    });
}

// Every accepted TCP connection is counted, before any TLS handshake, and the bytes it sends.
ListenOptions Counted(string name, ListenOptions listen)
{
    listeners.Add((name, listen));
    listen.Use(next => connection =>
    {
        log.AddConnection(name);
        SentBytes.Watch(connection);
        return next(connection);
    });
    return listen;
}

static string Url((string Name, ListenOptions Options) listener) =>
    $"{(listener.Name == "http" ? "http" : "https")}://127.0.0.1:{listener.Options.IPEndPoint!.Port}";

using var interrupt = options.ParentPid is null ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);
await app.WaitForShutdownAsync();
return 0;
