using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Removes virtual numbers from an order, or from each piped order (Get-LinerOrder | Remove-LinerOrderVirtualNumber
/// -VirtualNumberId 105 takes a retired number off every campaign): the other numbers stay, in their order;
/// an order that has none of them is sent nothing.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "LinerOrderVirtualNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = IdSet)]
[OutputType(typeof(Order))]
public sealed class RemoveLinerOrderVirtualNumberCommand : OrderVirtualNumberCmdlet
{
    internal override bool Adding => false;
}
