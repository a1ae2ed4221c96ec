using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Creates leads in a campaign (an order): one per pipeline object, so <c>Import-Csv leads.csv |
/// New-LinerLead -OrderId 7</c> maps a CRM export's columns to the lead's fields. At most -ThrottleLimit
/// creates are on their way at once; the created leads come out in input order. A create is never sent
/// twice once it may have reached the server; a row that fails is one error carrying that row.
/// </summary>
[Cmdlet(VerbsCommon.New, "LinerLead", SupportsShouldProcess = true, DefaultParameterSetName = OrderIdSet)]
[OutputType(typeof(Lead))]
public sealed class NewLinerLeadCommand : LinerLeadWriteCmdlet
{
    private const string OrderIdSet = "OrderId";
    private const string OrderCodeSet = "OrderCode";

    private readonly Dictionary<long, HashSet<string>> _phonesOfOrder = new();
    private List<Order>? _orders;
    private int _skipped;
    private int _queued;

    #region Parameters

    /// <summary>The lead's phone, written any usual way; it is sent in E.164 (+ and the digits).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("client_phone", "ClientPhone", "phone_number", "PhoneNumber", "Telephone", "Tel", "Mobile")]
    [ValidateNotNullOrEmpty]
    [ApiBody("phone")]
    public string Phone { get; set; } = string.Empty;

    /// <summary>The order (campaign) the lead is for, by id.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = OrderIdSet)]
    [Alias("order_id")]
    [ApiBody("orderId")]
    public long OrderId { get; set; }

    /// <summary>The order (campaign) the lead is for, by code.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = OrderCodeSet)]
    [Alias("order_code")]
    [ValidateNotNullOrEmpty]
    [ApiBody("orderCode")]
    public string OrderCode { get; set; } = string.Empty;

    /// <summary>Straight (the default) or Selection.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("lead_type")]
    [ArgumentCompleter(typeof(LeadTypeCompleter))]
    public string? LeadType { get; set; }

    /// <summary>Sends no row whose phone the target order already has a lead with (read once per order), and says how many were skipped.</summary>
    [Parameter]
    public SwitchParameter SkipExisting { get; set; }

    /// <summary>Uses create-async: faster for Liner, but no ids come back, and creation is accepted, not confirmed.</summary>
    [Parameter]
    public SwitchParameter Async { get; set; }

    #endregion

    /// <summary>A new lead takes every field a piped lead has (copying leads to another order).</summary>
    internal override bool ChangesExistingItems => false;

    internal override void ProcessItem()
    {
        object target = InputObject ?? (object)Phone;
        var phone = PhoneNumber.ToE164(Phone);
        var label = $"Row {ItemNumber} ({phone})";
        var leadType = Given(nameof(LeadType)) && !string.IsNullOrWhiteSpace(LeadType) ? LeadType!.Trim().ToLowerInvariant() : "straight";
        if (leadType is not ("straight" or "selection"))
        {
            Refuse(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not sent: -LeadType is '{LeadType}', where Straight or Selection was expected."), LinerErrorIds.LeadNotCreated, ErrorCategory.InvalidArgument, target, "Correct the row and send it again."));
            return;
        }
        if (LeadBody(label, target, newLead: true, LinerErrorIds.LeadNotCreated) is not { } body)
        {
            return;
        }
        body.Set("leadType", leadType);
        var order = ParameterSetName == OrderIdSet ? OrderId.ToString(CultureInfo.InvariantCulture) : $"'{OrderCode}'";
        if (SkipExisting && IsExisting(phone))
        {
            _skipped++;
            WriteVerbose($"{label}: order {order} already has a lead with this phone; skipped (-SkipExisting).");
            return;
        }
        if (!ShouldProcess($"{label} in order {order}", Async ? "Create lead (create-async)" : "Create lead"))
        {
            return;
        }
        _queued++;
        var check = ParameterSetName == OrderIdSet ? $"-OrderId {OrderId}" : $"-OrderId <the id of order {OrderCode}>";
        Queue(
            target,
            (client, _) => client.Create<Lead>(body, Async),
            id =>
            {
                if (!Async)
                {
                    WriteObject(Vocabulary.Describe(Created(body, (long?)id)));
                }
            },
            error => error is LinerApiException { MayHaveActed: true }
                ? ItemError(error, LinerErrorIds.LeadMayExist, $"{label}: ", target, $"The lead may have been created: check with Get-LinerLead {check} -Phone '{phone}' before sending this row again.")
                : ItemError(error, LinerErrorIds.LeadNotCreated, $"{label} was not created: ", target, "Correct the row and send it again (the failed rows are the errors' TargetObject)."));
    }

    internal override void EndWrites()
    {
        if (_skipped > 0)
        {
            WriteWarning($"{_skipped:N0} of {ItemNumber:N0} rows were not sent: their order already has a lead with that phone (-SkipExisting).");
        }
        if (Async && _queued > 0)
        {
            WriteWarning($"{_queued:N0} leads were sent with create-async: Liner accepted them, but gives no ids and no outcome. Check later with Get-LinerLead.");
        }
    }

    /// <summary>Whether the target order already has a lead with this phone; reads the order's leads once.</summary>
    private bool IsExisting(string phone)
    {
        var orderId = ParameterSetName == OrderIdSet ? OrderId : OrderIdOf(OrderCode);
        if (orderId is null)
        {
            return false;
        }
        if (!_phonesOfOrder.TryGetValue(orderId.Value, out var phones))
        {
            phones = new HashSet<string>(Api.List<Lead>(new Query().Add("orderIds[]", orderId.Value)).Where(lead => lead.Phone is not null).Select(lead => PhoneNumber.Normalize(lead.Phone!)));
            _phonesOfOrder.Add(orderId.Value, phones);
            WriteVerbose($"Order {orderId} has {phones.Count:N0} leads' phones to skip.");
        }
        // A phone sent once in this import is existing for the rows after it too.
        return !phones.Add(PhoneNumber.Normalize(phone));
    }

    private long? OrderIdOf(string code) =>
        (_orders ??= Api.List<Order>().ToList()).FirstOrDefault(order => string.Equals(order.Code, code, StringComparison.OrdinalIgnoreCase))?.Id;

    /// <summary>The lead as it was sent, with the id the answer gave: no request per lead to read it back.</summary>
    private static Lead Created(JsonBody body, long? id)
    {
        var lead = new Lead
        {
            Id = id ?? 0,
            Phone = body["phone"] as string,
            Name = body["name"] as string,
            OrderId = body["orderId"] as long?,
            OrderCode = body["orderCode"] as string,
            LeadType = body["leadType"] as string,
            StatusId = body["statusId"] as long?,
            Priority = body["priority"] as int?,
            UtcOffset = body["utcOffset"] as int?,
            SourceComment = body["sourceComment"] as string,
            ExternalIdBitrix24 = body["externalIdBitrix24"] as string,
            ExternalIdAmo = body["externalIdAmo"] as string,
            ExternalIdMacro = body["externalIdMacro"] as string,
            ExternalIdDomoplaner = body["externalIdDomoplaner"] as string,
        };
        if (body["customValues"] is Dictionary<string, object?> values)
        {
            foreach (var entry in values)
            {
                lead.CustomValues.Set(entry.Key, entry.Value);
            }
        }
        return lead;
    }
}
