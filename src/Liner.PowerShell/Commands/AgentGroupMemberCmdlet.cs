using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What Add-LinerAgentGroupMember and Remove-LinerAgentGroupMember share: the agents of -AgentGroupId
/// (by id or piped users), or those of each piped group, changed by reading the group once and sending
/// its whole new agentIds once, the other agents kept in their order. A group that already is so is sent
/// nothing. The group id never binds from a piped user's Id: a piped user is always a member.
/// </summary>
public abstract class AgentGroupMemberCmdlet : LinerWriteCmdlet
{
    private protected const string IdSet = "UserId";
    private protected const string UserSet = "User";
    private protected const string GroupIdSet = "AgentGroupUserId";
    private protected const string GroupUserSet = "AgentGroupUser";

    private readonly List<long> _userIds = new();
    private readonly List<(long Id, object Target)> _groups = new();

    #region Parameters

    /// <summary>The group whose agents change.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = UserSet)]
    public long AgentGroupId { get; set; }

    /// <summary>The groups whose agents change, from the pipeline (Get-LinerAgentGroup | ...).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = GroupIdSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = GroupUserSet)]
    [ValidateNotNull]
    public AgentGroup[]? AgentGroup { get; set; }

    /// <summary>The agents, by user id (also ids from the pipeline).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ParameterSetName = IdSet)]
    [Parameter(Mandatory = true, ParameterSetName = GroupIdSet)]
    [ValidateNotNullOrEmpty]
    public long[]? UserId { get; set; }

    /// <summary>The agents, from the pipeline (Get-LinerUser | ...) or the command line.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UserSet)]
    [Parameter(Mandatory = true, ParameterSetName = GroupUserSet)]
    [ValidateNotNullOrEmpty]
    public User[]? User { get; set; }

    /// <summary>Writes each group as it is afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    #endregion

    /// <summary>True: add the agents; false: remove them.</summary>
    internal abstract bool Adding { get; }

    internal override string ItemNoun => "agent groups";

    internal override void ProcessItem()
    {
        CampaignWrites.AddDistinct(_userIds, UserId);
        CampaignWrites.AddDistinct(_userIds, User?.Select(user => user.Id));
        if (AgentGroup is not null)
        {
            foreach (var group in AgentGroup)
            {
                if (!_groups.Any(known => known.Id == group.Id))
                {
                    _groups.Add((group.Id, group));
                }
            }
        }
    }

    internal override void EndItems()
    {
        if (ParameterSetName is IdSet or UserSet)
        {
            if (MyInvocation.ExpectingInput && _userIds.Count == 0)
            {
                return;
            }
            _groups.Add((AgentGroupId, AgentGroupId));
        }
        var users = CampaignWrites.Ids(_userIds);
        foreach (var (id, target) in _groups)
        {
            // The group as it is now, read once: a piped group may be older than that.
            if (Api.Get<AgentGroup>(id) is not { } group)
            {
                Refuse(NotFound(LinerErrorIds.AgentGroupNotFound, $"The account at {Api.Connection.ApiHost} has no agent group with id {id}: its agents were not changed.", target, GetLinerAgentGroupCommand.ListAction));
                continue;
            }
            var label = $"Agent group {group}";
            if (CampaignWrites.Edited(group.AgentIds, _userIds, Adding) is not { } edited)
            {
                WriteVerbose($"{label}: {(Adding ? "already has" : "has none of")} agents {users}; nothing was sent.");
                if (PassThru)
                {
                    // Through the queue, so that it comes out in input order among the groups changed.
                    Queue(target, (_, _) => group, _ => WriteItem(group), error => UpdateError<AgentGroup>(error, label, target, LinerErrorIds.AgentGroupNotUpdated, GetLinerAgentGroupCommand.ListAction));
                }
                continue;
            }
            var body = new JsonBody().Set("agentIds", edited.ToArray());
            QueueUpdate<AgentGroup>(id, label, body, target, PassThru, LinerErrorIds.AgentGroupNotUpdated, GetLinerAgentGroupCommand.ListAction, action: Adding ? $"Add agents {users}" : $"Remove agents {users}");
        }
    }
}
