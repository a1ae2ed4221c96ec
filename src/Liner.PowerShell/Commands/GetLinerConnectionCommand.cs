using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>Writes the session default connection, or nothing when there is none.</summary>
[Cmdlet(VerbsCommon.Get, "LinerConnection")]
[OutputType(typeof(LinerConnection))]
public sealed class GetLinerConnectionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (LinerSession.Default is { } connection)
        {
            WriteObject(connection);
        }
    }
}
