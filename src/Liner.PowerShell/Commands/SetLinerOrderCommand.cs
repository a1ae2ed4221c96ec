using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Changes orders: only the fields given on the command line are sent (a partial update), for the order
/// of -Id or each piped order (Get-LinerOrder -Code KAZAN | Set-LinerOrder -AutoDialingEnabled $false).
/// </summary>
[Cmdlet(VerbsCommon.Set, "LinerOrder", SupportsShouldProcess = true)]
[OutputType(typeof(Order))]
public sealed class SetLinerOrderCommand : LinerOrderWriteCmdlet
{
    private readonly List<long> _changed = new();

    #region Parameters

    /// <summary>The order to change; also from the Id or OrderId of piped objects (orders, CSV rows).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("OrderId")]
    public long Id { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ApiBody("title")]
    public string? Title { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ApiBody("serviceTitle")]
    public string? ServiceTitle { get; set; }

    [Parameter]
    [ValidateSet("success", "secondary", "info")]
    [ApiBody("status")]
    public string? Status { get; set; }

    /// <summary>The order's virtual numbers, by id: the whole list (sipEndpointIds).</summary>
    [Parameter]
    [AllowEmptyCollection]
    [ApiBody("sipEndpointIds")]
    public long[]? VirtualNumberId { get; set; }

    /// <summary>leadsPriority, which the docs name without its values: a whole number is sent as a number, other text as text.</summary>
    [Parameter]
    [ApiBody("leadsPriority")]
    public string? LeadsPriority { get; set; }

    /// <summary>Writes each order as it is after the change (the order list read once more).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The piped object as it came: the target of its error when it fails.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    #endregion

    internal override object? CurrentInput => InputObject;

    internal override void ProcessItem()
    {
        var id = Id;
        if (!TargetOf<Order>(ref id, out var target))
        {
            return;
        }
        var label = $"Order {id}";
        var body = OrderBody();
        if (body["leadsPriority"] is string priority && long.TryParse(priority, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            body.Set("leadsPriority", number);
        }
        if (!ShouldUpdate(label, body))
        {
            return;
        }
        Queue(
            target,
            (client, _) =>
            {
                client.Update<Order>(id, body);
                return id;
            },
            _ => _changed.Add(id),
            error => OrderUpdateError(this, error, label, target, body.Has("sipEndpointIds")));
    }

    internal override void EndWrites()
    {
        if (PassThru)
        {
            WriteOrders(this, _changed);
        }
    }

    /// <summary>The error of an order update: numbers refused (said plainly), else <see cref="LinerWriteCmdlet.UpdateError{T}"/>.</summary>
    internal static ErrorRecord OrderUpdateError(LinerWriteCmdlet cmdlet, System.Exception error, string label, object target, bool numbers)
    {
        if (numbers && CampaignWrites.RefusedField(error, "sipEndpointIds"))
        {
            return cmdlet.ItemError(
                error,
                LinerErrorIds.OrderNumbersNotChanged,
                $"{label} was not changed: this Liner server does not take an order's virtual numbers (sipEndpointIds) on an update; Liner's API documents them only for creating an order. ",
                target,
                "Change the order's virtual numbers in Liner's web interface, or create an order with them (New-LinerOrder -VirtualNumberId ...).");
        }
        return cmdlet.UpdateError<Order>(error, label, target, LinerErrorIds.OrderNotUpdated, GetLinerOrderCommand.ListAction);
    }

    /// <summary>Writes the orders of <paramref name="ids"/> as they are now, in that order, from one read of the order list.</summary>
    internal static void WriteOrders(LinerWriteCmdlet cmdlet, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var orders = CampaignWrites.OrdersById(cmdlet.Api);
        foreach (var id in ids)
        {
            if (orders.TryGetValue(id, out var order))
            {
                cmdlet.WriteItem(order);
            }
            else
            {
                cmdlet.WriteNotFound(LinerErrorIds.OrderNotFound, $"Order {id} was changed, but the order list read afterwards does not have it.", id, GetLinerOrderCommand.ListAction);
            }
        }
    }
}
