using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Creates an agent group: its name in both languages (-Name fills both unless -NameRu is given) and its
/// agents, those of -UserId and every user piped in (Get-LinerUser -AccessGroup call-center |
/// New-LinerAgentGroup -Name 'Day shift'). The group is read back and written.
/// </summary>
[Cmdlet(VerbsCommon.New, "LinerAgentGroup", SupportsShouldProcess = true)]
[OutputType(typeof(AgentGroup))]
public sealed class NewLinerAgentGroupCommand : LinerWriteCmdlet
{
    private readonly List<long> _userIds = new();
    private readonly List<object> _piped = new();

    #region Parameters

    /// <summary>The group's name in English (names.gb), and in Russian too unless -NameRu is given.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The group's name in Russian (names.ru).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NameRu { get; set; }

    /// <summary>The group's agents, by user id (also ids from the pipeline).</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public long[]? UserId { get; set; }

    /// <summary>The group's agents, from the pipeline (Get-LinerUser | New-LinerAgentGroup).</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public User[]? User { get; set; }

    #endregion

    internal override string ItemNoun => "agent groups";

    internal override void ProcessItem()
    {
        CampaignWrites.AddDistinct(_userIds, UserId);
        CampaignWrites.AddDistinct(_userIds, User?.Select(user => user.Id));
        if (MyInvocation.ExpectingInput)
        {
            _piped.AddRange((IEnumerable<object>?)User ?? (UserId ?? new long[0]).Cast<object>());
        }
    }

    internal override void EndItems()
    {
        if (MyInvocation.ExpectingInput && _piped.Count == 0)
        {
            WriteWarning("No user came from the pipeline, so no agent group was created: check the command in front of New-LinerAgentGroup, or give -UserId.");
            return;
        }
        var nameRu = NameRu ?? Name;
        var body = new JsonBody().Set("names", new Dictionary<string, object?> { ["ru"] = nameRu, ["gb"] = Name });
        if (IsBound(nameof(UserId)) || _piped.Count > 0)
        {
            body.Set("agentIds", _userIds.ToArray());
        }
        var label = $"Agent group '{Name}'";
        var agents = _userIds.Count == 0 ? "no agents" : $"agents {CampaignWrites.Ids(_userIds)}";
        if (!ShouldProcess($"{label} with {agents}", "Create agent group"))
        {
            return;
        }
        CampaignWrites.QueueCreate(
            this,
            body,
            _piped.Count > 0 ? _piped.ToArray() : Name,
            label,
            (client, id) => client.Get<AgentGroup>(id),
            id => new AgentGroup { Id = id, Name = Name, NameRu = nameRu, AgentIds = new ValueList<long>(_userIds.ToArray()) },
            LinerErrorIds.AgentGroupNotCreated,
            LinerErrorIds.AgentGroupMayExist,
            $"Get-LinerAgentGroup -Name '{Name.Replace("'", "''")}'");
    }
}
