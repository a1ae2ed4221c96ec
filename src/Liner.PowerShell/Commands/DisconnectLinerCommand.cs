using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>Forgets the default (or the given) connection and releases its HTTP resources.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Liner")]
[OutputType(typeof(void))]
public sealed class DisconnectLinerCommand : PSCmdlet
{
    #region Parameters

    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public LinerConnection? Connection { get; set; }

    #endregion

    protected override void ProcessRecord()
    {
        var connection = Connection is null ? LinerSession.Clear() : Connection;
        if (Connection is not null)
        {
            LinerSession.Clear(Connection);
        }
        if (connection is null)
        {
            WriteVerbose("Not connected to Liner; nothing to disconnect.");
            return;
        }
        connection.Dispose();
        WriteVerbose($"Disconnected from {connection.ApiHost}.");
    }
}
