using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What Add-LinerOrderVirtualNumber and Remove-LinerOrderVirtualNumber share: the numbers of -OrderId
/// (by id or piped numbers), or those of each piped order, changed by reading the order list once and
/// sending each order's whole new sipEndpointIds once, the other numbers kept in their order. An order
/// that already is so is sent nothing. A piped order is always the order, a piped number always a number:
/// neither binds by its Id to the other.
/// </summary>
public abstract class OrderVirtualNumberCmdlet : LinerWriteCmdlet
{
    private protected const string IdSet = "VirtualNumberId";
    private protected const string NumberSet = "VirtualNumber";
    private protected const string OrderIdSet = "OrderVirtualNumberId";
    private protected const string OrderNumberSet = "OrderVirtualNumber";

    private readonly List<long> _numberIds = new();
    private readonly List<(long Id, object Target)> _orders = new();
    private readonly List<long> _passThru = new();
    private readonly HashSet<long> _failed = new();

    #region Parameters

    /// <summary>The order whose numbers change.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberSet)]
    public long OrderId { get; set; }

    /// <summary>The orders whose numbers change, from the pipeline (Get-LinerOrder | ...).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = OrderIdSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = OrderNumberSet)]
    [ValidateNotNull]
    public Order[]? Order { get; set; }

    /// <summary>The numbers, by id (also ids from the pipeline).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ParameterSetName = IdSet)]
    [Parameter(Mandatory = true, ParameterSetName = OrderIdSet)]
    [ValidateNotNullOrEmpty]
    public long[]? VirtualNumberId { get; set; }

    /// <summary>The numbers, from the pipeline (Get-LinerVirtualNumber | ...) or the command line.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = NumberSet)]
    [Parameter(Mandatory = true, ParameterSetName = OrderNumberSet)]
    [ValidateNotNullOrEmpty]
    public VirtualNumber[]? VirtualNumber { get; set; }

    /// <summary>Writes each order as it is afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    #endregion

    /// <summary>True: add the numbers; false: remove them.</summary>
    internal abstract bool Adding { get; }

    internal override string ItemNoun => "orders";

    internal override void ProcessItem()
    {
        CampaignWrites.AddDistinct(_numberIds, VirtualNumberId);
        CampaignWrites.AddDistinct(_numberIds, VirtualNumber?.Select(number => number.Id));
        if (Order is not null)
        {
            foreach (var order in Order)
            {
                if (!_orders.Any(known => known.Id == order.Id))
                {
                    _orders.Add((order.Id, order));
                }
            }
        }
    }

    internal override void EndItems()
    {
        if (ParameterSetName is IdSet or NumberSet)
        {
            if (MyInvocation.ExpectingInput && _numberIds.Count == 0)
            {
                return;
            }
            _orders.Add((OrderId, OrderId));
        }
        if (_orders.Count == 0)
        {
            return;
        }
        // One read of the order list for every order: the API has no order detail endpoint.
        var current = CampaignWrites.OrdersById(Api);
        var numbers = CampaignWrites.Ids(_numberIds);
        foreach (var (id, target) in _orders)
        {
            if (!current.TryGetValue(id, out var order))
            {
                Refuse(NotFound(LinerErrorIds.OrderNotFound, $"The account at {Api.Connection.ApiHost} has no order with id {id}: its virtual numbers were not changed.", target, GetLinerOrderCommand.ListAction));
                continue;
            }
            var label = $"Order {order}";
            if (CampaignWrites.Edited(order.VirtualNumberIds, _numberIds, Adding) is not { } edited)
            {
                WriteVerbose($"{label}: {(Adding ? "already has" : "has none of")} virtual numbers {numbers}; nothing was sent.");
                _passThru.Add(id);
                continue;
            }
            if (!ShouldProcess(label, Adding ? $"Add virtual numbers {numbers}" : $"Remove virtual numbers {numbers}"))
            {
                continue;
            }
            var body = new JsonBody().Set("sipEndpointIds", edited.ToArray());
            _passThru.Add(id);
            Queue(
                target,
                (client, _) =>
                {
                    client.Update<Order>(id, body);
                    return id;
                },
                _ => { },
                error =>
                {
                    _failed.Add(id);
                    return SetLinerOrderCommand.OrderUpdateError(this, error, label, target, numbers: true);
                });
        }
    }

    internal override void EndWrites()
    {
        if (PassThru)
        {
            SetLinerOrderCommand.WriteOrders(this, _passThru.Where(id => !_failed.Contains(id)).ToList());
        }
    }
}
