namespace Liner.MockApi;

/// <summary>
/// A host lifetime that does not stop on Ctrl+C: a mock started by a script lives as long as that
/// script's process (see --parent-pid), so Ctrl+C at the script's prompt does not take it away.
/// </summary>
internal sealed class ParentLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
