using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>Changes call-attempt schemes: only what is given on the command line is sent, for -Id or each piped scheme.</summary>
[Cmdlet(VerbsCommon.Set, "LinerCallAttemptGroup", SupportsShouldProcess = true)]
[OutputType(typeof(CallAttemptGroup))]
public sealed class SetLinerCallAttemptGroupCommand : LinerWriteCmdlet
{
    #region Parameters

    /// <summary>The scheme to change; also from the Id or CallAttemptGroupId of piped objects (schemes, CSV rows).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("CallAttemptGroupId")]
    public long Id { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ApiBody("title")]
    public string? Title { get; set; }

    /// <summary>The minutes to wait before each next attempt: the whole list.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, int.MaxValue)]
    [Alias("Intervals")]
    [ApiBody("intervals")]
    public int[]? Interval { get; set; }

    /// <summary>Makes it the default scheme; -IsDefault:$false makes it not the default.</summary>
    [Parameter]
    [ApiBody("isDefault")]
    public SwitchParameter IsDefault { get; set; }

    /// <summary>-ResetAttemptsEnabled:$false turns it off.</summary>
    [Parameter]
    [ApiBody("resetAttemptsEnabled")]
    public SwitchParameter ResetAttemptsEnabled { get; set; }

    /// <summary>Writes each scheme as it is after the change (one more request per scheme).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The piped object as it came: the target of its error when it fails.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    #endregion

    internal override object? CurrentInput => InputObject;

    internal override string ItemNoun => "call-attempt schemes";

    internal override void ProcessItem()
    {
        var id = Id;
        if (!TargetOf<CallAttemptGroup>(ref id, out var target))
        {
            return;
        }
        var label = $"Call-attempt scheme {id}";
        var body = GivenBody();
        QueueUpdate<CallAttemptGroup>(id, label, body, target, PassThru, LinerErrorIds.CallAttemptGroupNotUpdated, GetLinerCallAttemptGroupCommand.ListAction);
    }
}
