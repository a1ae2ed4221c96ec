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

    /// <summary>The orders these numbers are assigned to (from the pipeline: Get-LinerVirtualNumber | Get-LinerOrder).</summary>
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

    protected override void ProcessRecord()
    {
        AddIds(Id);
        if (VirtualNumber is not null)
        {
            _numbers.AddRange(VirtualNumber);
            AddIds(VirtualNumber.Where(number => number.OrderId is not null).Select(number => number.OrderId!.Value));
        }
    }

    protected override void EndProcessing()
    {
        if (NothingPiped)
        {
            return;
        }
        var connection = ResolveConnection(Connection);
        var filter = new OrderFilter(IdsGiven ? Ids : null, Title, Code);
        var found = new HashSet<long>();
        Run(connection, client =>
        {
            foreach (var order in client.Orders())
            {
                if (filter.Matches(order) && found.Add(order.Id))
                {
                    WriteItem(order);
                }
            }
        });
        if (IdsGiven && Title is null && Code is null)
        {
            WriteMissing(found, connection);
        }
    }

    private void WriteMissing(HashSet<long> found, LinerConnection connection)
    {
        const string action = "Run Get-LinerOrder to list the orders the account has.";
        var reported = new HashSet<long>();
        foreach (var number in _numbers)
        {
            if (number.OrderId is { } orderId && !found.Contains(orderId))
            {
                WriteNotFound(LinerErrorIds.OrderNotFound, $"Virtual number {number} is assigned to order {orderId}, which the account at {connection.ApiHost} does not have.", number, action);
                reported.Add(orderId);
            }
        }
        WriteMissing(Ids, found, reported, LinerErrorIds.OrderNotFound, id => $"The account at {connection.ApiHost} has no order with id {id}.", action);
    }
}
