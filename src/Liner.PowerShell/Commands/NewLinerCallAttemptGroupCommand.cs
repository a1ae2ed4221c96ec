using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>Creates a call-attempt scheme: its title and the minutes between attempts; the scheme is read back and written.</summary>
[Cmdlet(VerbsCommon.New, "LinerCallAttemptGroup", SupportsShouldProcess = true)]
[OutputType(typeof(CallAttemptGroup))]
public sealed class NewLinerCallAttemptGroupCommand : LinerWriteCmdlet
{
    #region Parameters

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ApiBody("title")]
    public string Title { get; set; } = string.Empty;

    /// <summary>The minutes to wait before each next attempt (intervals).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ValidateRange(1, int.MaxValue)]
    [Alias("Intervals")]
    [ApiBody("intervals")]
    public int[] Interval { get; set; } = new int[0];

    /// <summary>Makes it the scheme an order without one uses (Liner keeps one default).</summary>
    [Parameter]
    [ApiBody("isDefault")]
    public SwitchParameter IsDefault { get; set; }

    /// <summary>Starts the count of attempts again (resetAttemptsEnabled).</summary>
    [Parameter]
    [ApiBody("resetAttemptsEnabled")]
    public SwitchParameter ResetAttemptsEnabled { get; set; }

    #endregion

    internal override string ItemNoun => "call-attempt schemes";

    internal override void ProcessItem()
    {
        var body = GivenBody();
        var label = $"Call-attempt scheme '{Title}'";
        if (!ShouldProcess($"{label} with intervals {string.Join(", ", Interval)} min", "Create call-attempt scheme"))
        {
            return;
        }
        CampaignWrites.QueueCreate(
            this,
            body,
            Title,
            label,
            (client, id) => client.Get<CallAttemptGroup>(id),
            id => new CallAttemptGroup { Id = id, Title = Title, Intervals = new ValueList<int>(Interval), IsDefault = IsDefault, ResetAttemptsEnabled = ResetAttemptsEnabled },
            LinerErrorIds.CallAttemptGroupNotCreated,
            LinerErrorIds.CallAttemptGroupMayExist,
            $"Get-LinerCallAttemptGroup -Title '{Title.Replace("'", "''")}'");
    }
}
