using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Removes agents from an agent group, or from each piped group: the other agents stay, in their order;
/// a group that has none of them is sent nothing.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "LinerAgentGroupMember", SupportsShouldProcess = true, DefaultParameterSetName = IdSet)]
[OutputType(typeof(AgentGroup))]
public sealed class RemoveLinerAgentGroupMemberCommand : AgentGroupMemberCmdlet
{
    internal override bool Adding => false;
}
