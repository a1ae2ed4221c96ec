using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Lists the account's agent groups, groups by id (each from its own endpoint), or the groups that hold
/// piped users (asked of the server with agentId, one query per user, each group written once).
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerAgentGroup", DefaultParameterSetName = IdSet)]
[OutputType(typeof(AgentGroup))]
public sealed class GetLinerAgentGroupCommand : LinerListCmdlet
{
    private const string IdSet = "Id";
    private const string UserSet = "User";
    private const string UserIdSet = "UserId";

    private readonly List<long> _userIds = new();

    #region Parameters

    /// <summary>Only the groups with these ids; also ids from the pipeline, or an AgentGroupId property of piped objects.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("AgentGroupId")]
    public long[]? Id { get; set; }

    /// <summary>The groups that hold these users (from the pipeline: Get-LinerUser | Get-LinerAgentGroup).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UserSet)]
    [ValidateNotNull]
    public User[]? User { get; set; }

    /// <summary>The groups that hold these users, by id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = UserIdSet)]
    [ValidateNotNullOrEmpty]
    public long[]? UserId { get; set; }

    /// <summary>Only groups whose English or Russian name matches one of these (wildcards, case-insensitive).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    #endregion

    protected override void Process()
    {
        RequestIds(Id);
        if (User is not null)
        {
            CampaignWrites.AddDistinct(_userIds, User.Select(user => user.Id));
        }
        CampaignWrites.AddDistinct(_userIds, UserId);
    }

    protected override void End()
    {
        if (MyInvocation.ExpectingInput && !IdsRequested && _userIds.Count == 0)
        {
            return;
        }
        var client = Client(ResolveConnection());
        var names = WildcardSet.From(Name);
        bool Keep(AgentGroup group) => names is null || names.Matches(group.Name) || names.Matches(group.NameRu);

        if (ParameterSetName is UserSet or UserIdSet)
        {
            var written = new HashSet<long>();
            foreach (var userId in _userIds)
            {
                foreach (var group in client.List<AgentGroup>(new Query().Add("agentId", userId)))
                {
                    if (Keep(group) && written.Add(group.Id))
                    {
                        WriteItem(group);
                    }
                }
            }
            return;
        }
        if (IdsRequested)
        {
            WriteEachById<AgentGroup>(client, ListAction, keep: Keep);
            return;
        }
        foreach (var group in client.List<AgentGroup>())
        {
            if (Keep(group))
            {
                WriteItem(group);
            }
        }
    }

    internal const string ListAction = "Run Get-LinerAgentGroup to list the agent groups the account has.";
}
