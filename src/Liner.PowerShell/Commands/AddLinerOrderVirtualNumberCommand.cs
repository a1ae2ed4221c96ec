using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Adds virtual numbers to an order, or to each piped order: the order's other numbers stay, in their
/// order, and the new ones follow; an order that has them all already is sent nothing.
/// </summary>
[Cmdlet(VerbsCommon.Add, "LinerOrderVirtualNumber", SupportsShouldProcess = true, DefaultParameterSetName = IdSet)]
[OutputType(typeof(Order))]
public sealed class AddLinerOrderVirtualNumberCommand : OrderVirtualNumberCmdlet
{
    internal override bool Adding => true;
}
