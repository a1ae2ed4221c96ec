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
public sealed class NewLinerLeadCommand : LinerWriteCmdlet
{
    private const string OrderIdSet = "OrderId";
    private const string OrderCodeSet = "OrderCode";

    private readonly Dictionary<long, HashSet<string>> _phonesOfOrder = new();
    private LeadVocabulary? _vocabulary;
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

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "client_name", "ClientName", "ContactName", "fio")]
    [ApiBody("name")]
    public string? Name { get; set; }

    /// <summary>Straight (the default) or Selection.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("lead_type")]
    [ArgumentCompleter(typeof(LeadTypeCompleter))]
    public string? LeadType { get; set; }

    /// <summary>The code of a lead status of the in-progress category (completed from the account).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LeadStatusCompleter))]
    public string? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ApiBody("priority")]
    public int? Priority { get; set; }

    /// <summary>The lead's offset from UTC, in hours (-12 to 14).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("utc_offset")]
    [ApiBody("utcOffset")]
    public int? UtcOffset { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Comment", "source_comment")]
    [ApiBody("sourceComment")]
    public string? SourceComment { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("bitrix24_id", "Bitrix24Id")]
    [ApiBody("externalIdBitrix24")]
    public string? ExternalIdBitrix24 { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("amo_id", "AmoId", "amocrm_id")]
    [ApiBody("externalIdAmo")]
    public string? ExternalIdAmo { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("macro_id", "MacroId")]
    [ApiBody("externalIdMacro")]
    public string? ExternalIdMacro { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("domoplaner_id", "DomoplanerId")]
    [ApiBody("externalIdDomoplaner")]
    public string? ExternalIdDomoplaner { get; set; }

    /// <summary>Values of the account's lead custom fields, keyed by the field's title or id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CustomValues")]
    public Hashtable? CustomValue { get; set; }

    /// <summary>Sends no row whose phone the target order already has a lead with (read once per order), and says how many were skipped.</summary>
    [Parameter]
    public SwitchParameter SkipExisting { get; set; }

    /// <summary>Uses create-async: faster for Liner, but no ids come back, and creation is accepted, not confirmed.</summary>
    [Parameter]
    public SwitchParameter Async { get; set; }

    /// <summary>How many creates may be on their way at once (default 4).</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>The piped object as it came (a CSV row): the target of its error when it fails.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    #endregion

    internal override int Throttle => ThrottleLimit;

    internal override object? CurrentInput => InputObject;

    internal override string ItemNoun => "leads";

    /// <summary>A new lead takes every field a piped lead has (copying leads to another order).</summary>
    internal override bool ChangesExistingItems => false;

    private LeadVocabulary Vocabulary => _vocabulary ??= new LeadVocabulary(Api);

    internal override void ProcessItem()
    {
        object target = InputObject ?? (object)Phone;
        var phone = PhoneNumber.ToE164(Phone);
        var label = $"Row {ItemNumber} ({phone})";
        var body = GivenBody();
        var leadType = Given(nameof(LeadType)) && !string.IsNullOrWhiteSpace(LeadType) ? LeadType!.Trim().ToLowerInvariant() : "straight";
        string? why = leadType is "straight" or "selection" ? null : $"-LeadType is '{LeadType}', where Straight or Selection was expected";
        if (why is not null || !CheckRange(nameof(UtcOffset), UtcOffset, -12, 14, out why))
        {
            WriteError(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not sent: {why}."), LinerErrorIds.LeadNotCreated, ErrorCategory.InvalidArgument, target, "Correct the row and send it again."));
            return;
        }
        body.Set("leadType", leadType);
        body.Set("phone", phone);
        if (Given(nameof(Status)) && Status is not null)
        {
            if (Vocabulary.StatusId(Status, forNewLead: true, out why) is { } statusId)
            {
                body.Set("statusId", statusId);
            }
            else
            {
                WriteError(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not sent: {why}."), LinerErrorIds.UnknownLeadStatus, ErrorCategory.InvalidArgument, target, "Give -Status the code of an in-progress lead status: Get-LinerLeadStatus -Category in-progress."));
                return;
            }
        }
        if (Given(nameof(CustomValue)) && CustomValue is not null)
        {
            if (Vocabulary.FieldValues(CustomValue, out why) is { } values)
            {
                body.Set("customValues", values);
            }
            else
            {
                WriteError(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not sent: {why}."), LinerErrorIds.UnknownCustomField, ErrorCategory.InvalidArgument, target, "Key -CustomValue by the title or id of a lead custom field: Get-LinerCustomField -Essence Leads."));
                return;
            }
        }
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
            error => error is LinerApiException api && MayExist(api)
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

    /// <summary>A create that got no answer, or a 5xx or a timeout, may or may not have happened: never repeated, and said so.</summary>
    private static bool MayExist(LinerApiException error) =>
        error.Delivery == Delivery.MaybeReceived || error.StatusCode is >= 500 or 408 || (error.Delivery == Delivery.Answered && error.StatusCode is null && error.ErrorId != LinerErrorIds.ApiError);

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
