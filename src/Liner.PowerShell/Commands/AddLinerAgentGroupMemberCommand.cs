using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Adds agents to an agent group, or to each piped group: the group's other agents stay, in their order,
/// and the new ones follow; a group that has them all already is sent nothing.
/// </summary>
[Cmdlet(VerbsCommon.Add, "LinerAgentGroupMember", SupportsShouldProcess = true, DefaultParameterSetName = IdSet)]
[OutputType(typeof(AgentGroup))]
public sealed class AddLinerAgentGroupMemberCommand : AgentGroupMemberCmdlet
{
    internal override bool Adding => true;
}
