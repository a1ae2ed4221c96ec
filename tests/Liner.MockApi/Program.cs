using System.Diagnostics;
using Liner.MockApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// A local stand-in for the Liner API: the documented endpoints on loopback, the X-Api-Key check, and
// per-request scenarios chosen by a path prefix (see Scenario and LinerEndpoints).
var options = MockOptions.Parse(args);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var app = builder.Build();
var endpoints = new LinerEndpoints(options, new RequestLog());
app.Run(endpoints.HandleAsync);

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Liner.MockApi listening on {address}");
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

await app.WaitForShutdownAsync();
