using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Creates an order (a calling campaign) with its virtual numbers: those of -VirtualNumberId and every
/// number piped in (Get-LinerVirtualNumber -Title 'Kazan*' | New-LinerOrder ...) make one order. Only the
/// fields given are sent, besides sipEndpointIds, which the API requires (empty when no number is given).
/// The order is read back from the order list and written.
/// </summary>
[Cmdlet(VerbsCommon.New, "LinerOrder", SupportsShouldProcess = true)]
[OutputType(typeof(Order))]
public sealed class NewLinerOrderCommand : LinerOrderWriteCmdlet
{
    private readonly List<long> _numberIds = new();
    private readonly List<object> _piped = new();

    #region Parameters

    /// <summary>The order's display name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ApiBody("title")]
    public string Title { get; set; } = string.Empty;

    /// <summary>The order's internal name.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ApiBody("serviceTitle")]
    public string ServiceTitle { get; set; } = string.Empty;

    /// <summary>success, secondary or info.</summary>
    [Parameter(Mandatory = true)]
    [ValidateSet("success", "secondary", "info")]
    [ApiBody("status")]
    public string Status { get; set; } = string.Empty;

    /// <summary>The order's virtual numbers, by id (also ids from the pipeline).</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public long[]? VirtualNumberId { get; set; }

    /// <summary>The order's virtual numbers, from the pipeline (Get-LinerVirtualNumber | New-LinerOrder).</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public VirtualNumber[]? VirtualNumber { get; set; }

    #endregion

    internal override void ProcessItem()
    {
        CampaignWrites.AddDistinct(_numberIds, VirtualNumberId);
        if (VirtualNumber is not null)
        {
            CampaignWrites.AddDistinct(_numberIds, VirtualNumber.Select(number => number.Id));
        }
        if (MyInvocation.ExpectingInput)
        {
            _piped.AddRange((IEnumerable<object>?)VirtualNumber ?? (VirtualNumberId ?? new long[0]).Cast<object>());
        }
    }

    internal override void EndItems()
    {
        if (MyInvocation.ExpectingInput && _piped.Count == 0)
        {
            WriteWarning($"No virtual number came from the pipeline, so no order was created: check the command in front of New-LinerOrder, or give -VirtualNumberId.");
            return;
        }
        var body = OrderBody();
        body.Set("sipEndpointIds", _numberIds.ToArray());
        var label = $"Order '{Title}'";
        var numbers = _numberIds.Count == 0 ? "no virtual numbers" : $"virtual numbers {CampaignWrites.Ids(_numberIds)}";
        if (!ShouldProcess($"{label} with {numbers}", "Create order"))
        {
            return;
        }
        object target = _piped.Count > 0 ? _piped.ToArray() : Title;
        CampaignWrites.QueueCreate(
            this,
            body,
            target,
            label,
            CampaignWrites.ReadOrder,
            id => new Order
            {
                Id = id,
                Title = Title,
                ServiceTitle = ServiceTitle,
                Status = Status,
                Code = Code,
                VirtualNumberIds = new ValueList<long>(_numberIds.ToArray()),
                AgentUserIds = new ValueList<long>(AgentUserId ?? new long[0]),
            },
            LinerErrorIds.OrderNotCreated,
            LinerErrorIds.OrderMayExist,
            $"Get-LinerOrder -Title '{Title.Replace("'", "''")}'");
    }
}
