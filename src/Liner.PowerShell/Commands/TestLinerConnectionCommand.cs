using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>Calls Liner's health check and reports on the API and each of its components.</summary>
[Cmdlet(VerbsDiagnostic.Test, "LinerConnection")]
[OutputType(typeof(HealthReport))]
[OutputType(typeof(bool))]
public sealed class TestLinerConnectionCommand : LinerCmdlet
{
    #region Parameters

    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public LinerConnection? Connection { get; set; }

    /// <summary>Writes only $true or $false, and never an error.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    #endregion

    protected override void Process()
    {
        if (!Quiet)
        {
            WriteObject(Client(ResolveConnection(Connection)).Health());
            return;
        }
        var connection = Connection ?? LinerSession.Default;
        if (connection is null || !connection.IsOpen)
        {
            WriteVerbose("Not connected to Liner.");
            WriteObject(false);
            return;
        }
        try
        {
            WriteObject(Client(connection).Health().Success);
        }
        catch (LinerApiException error)
        {
            WriteVerbose(error.Message);
            WriteObject(false);
        }
    }
}
