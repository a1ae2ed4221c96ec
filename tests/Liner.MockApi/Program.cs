using System.Diagnostics;
using System.Runtime.InteropServices;
using Liner.MockApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// A local stand-in for the Liner API: the documented endpoints on loopback, the X-Api-Key check, and
// per-request scenarios chosen by a path prefix (see Scenario and MockRouter).
if (MockOptions.WantsHelp(args))
{
    Console.WriteLine(MockOptions.Usage);
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

var builder = WebApplication.CreateSlimBuilder();
if (options.ParentPid is not null)
{
    // Started by a script: Ctrl+C at that script's prompt reaches the whole process group; it is the
    // script's to handle, and the mock keeps serving until its parent exits.
    builder.Services.AddSingleton<IHostLifetime, ParentLifetime>();
}
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var app = builder.Build();
var endpoints = new MockRouter(options, new RequestLog());
app.Run(endpoints.HandleAsync);

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Liner.MockApi listening on {address} (API key: {options.ApiKey})");
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

using var interrupt = options.ParentPid is null ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);
await app.WaitForShutdownAsync();
return 0;
