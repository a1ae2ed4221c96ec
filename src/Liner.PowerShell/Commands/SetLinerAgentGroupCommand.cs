using System.Collections.Generic;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Changes agent groups: only what is given is sent. The API takes the two names together, so a change
/// of one reads the group first and sends the other as it is. -UserId replaces the whole list of agents
/// (Add-LinerAgentGroupMember and Remove-LinerAgentGroupMember change it by the agent).
/// </summary>
[Cmdlet(VerbsCommon.Set, "LinerAgentGroup", SupportsShouldProcess = true)]
[OutputType(typeof(AgentGroup))]
public sealed class SetLinerAgentGroupCommand : LinerWriteCmdlet
{
    #region Parameters

    /// <summary>The group to change; also from the Id or AgentGroupId of piped objects (agent groups, CSV rows).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("AgentGroupId")]
    public long Id { get; set; }

    /// <summary>The group's new English name (names.gb).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The group's new Russian name (names.ru).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NameRu { get; set; }

    /// <summary>The group's agents, by user id: the whole list, which replaces the one the group has.</summary>
    [Parameter]
    [AllowEmptyCollection]
    [ApiBody("agentIds")]
    public long[]? UserId { get; set; }

    /// <summary>Writes each group as it is after the change (one more request per group).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The piped object as it came: the target of its error when it fails.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    #endregion

    internal override object? CurrentInput => InputObject;

    internal override string ItemNoun => "agent groups";

    internal override void ProcessItem()
    {
        var id = Id;
        if (!TargetOf<AgentGroup>(ref id, out var target))
        {
            return;
        }
        var label = $"Agent group {id}";
        var body = GivenBody();
        if (Given(nameof(Name)) || Given(nameof(NameRu)))
        {
            string? gb = Name, ru = NameRu;
            if (!Given(nameof(Name)) || !Given(nameof(NameRu)))
            {
                // The API takes both names or none: the one not given is sent as it is.
                if (Api.Get<AgentGroup>(id) is not { } group)
                {
                    Refuse(NotFound(LinerErrorIds.AgentGroupNotFound, $"The account at {Api.Connection.ApiHost} has no agent group with id {id}: it was not changed.", target, GetLinerAgentGroupCommand.ListAction));
                    return;
                }
                gb = Given(nameof(Name)) ? Name : group.Name ?? NameRu;
                ru = Given(nameof(NameRu)) ? NameRu : group.NameRu ?? Name;
            }
            body.Set("names", new Dictionary<string, object?> { ["ru"] = ru, ["gb"] = gb });
        }
        QueueUpdate<AgentGroup>(id, label, body, target, PassThru, LinerErrorIds.AgentGroupNotUpdated, GetLinerAgentGroupCommand.ListAction);
    }
}
