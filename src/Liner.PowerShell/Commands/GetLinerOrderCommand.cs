using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Lists the account's orders (calling campaigns), or the orders of piped virtual numbers, with one
/// list read whatever the pipeline's length.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerOrder", DefaultParameterSetName = IdSet)]
[OutputType(typeof(Order))]
public sealed class GetLinerOrderCommand : LinerListCmdlet
{
    private const string IdSet = "Id";
    private const string NumberSet = "VirtualNumber";

    private readonly List<VirtualNumber> _numbers = new();

    #region Parameters

    /// <summary>Only the orders with these ids; also ids from the pipeline, or an OrderId property of piped objects.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("OrderId")]
    public long[]? Id { get; set; }

    /// <summary>The orders of these numbers: the one each is assigned to, and every order that lists it (from the pipeline: Get-LinerVirtualNumber | Get-LinerOrder).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = NumberSet)]
    [ValidateNotNull]
    public VirtualNumber[]? VirtualNumber { get; set; }

    /// <summary>Only orders whose title matches one of these (wildcards, case-insensitive).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Title { get; set; }

    /// <summary>Only orders whose code matches one of these (wildcards, case-insensitive).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Code { get; set; }

    #endregion

    protected override void Process()
    {
        RequestIds(Id);
        if (VirtualNumber is not null)
        {
            _numbers.AddRange(VirtualNumber);
            RequestIds(VirtualNumber.Where(number => number.OrderId is not null).Select(number => number.OrderId!.Value));
        }
    }

    protected override void End()
    {
        if (NothingPiped)
        {
            return;
        }
        var client = Client(ResolveConnection());
        var filter = new OrderFilter(IdsRequested && _numbers.Count == 0 ? RequestedIds : null, Title, Code);
        var assignedTo = new HashSet<long>(RequestedIds);
        var numbers = new HashSet<long>(_numbers.Select(number => number.Id));
        var found = new HashSet<long>();
        foreach (var order in client.List<Order>())
        {
            var ofNumbers = _numbers.Count == 0 || assignedTo.Contains(order.Id) || order.VirtualNumberIds.Any(numbers.Contains);
            if (ofNumbers && filter.Matches(order) && found.Add(order.Id))
            {
                WriteItem(order);
            }
        }
        if (IdsRequested && Title is null && Code is null)
        {
            WriteMissing(found, client.Connection);
        }
    }

    internal const string ListAction = "Run Get-LinerOrder to list the orders the account has.";

    private void WriteMissing(HashSet<long> found, LinerConnection connection)
    {
        var reported = new HashSet<long>();
        foreach (var number in _numbers)
        {
            if (number.OrderId is { } orderId && !found.Contains(orderId) && reported.Add(orderId))
            {
                WriteNotFound(LinerErrorIds.OrderNotFound, $"Virtual number {number} is assigned to order {orderId}, which the account at {connection.ApiHost} does not have.", number, ListAction);
            }
        }
        WriteMissing(RequestedIds, found, reported, LinerErrorIds.OrderNotFound, id => $"The account at {connection.ApiHost} has no order with id {id}.", ListAction);
    }
}
