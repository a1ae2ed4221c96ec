using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Lists calls: by time range and order, lead, user or status on the server (every order of the
/// account when no order or lead is given), by virtual number, direction and client phone here; or
/// calls by id. Piped virtual numbers and orders bind as themselves, never by their Id.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerCall", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Call))]
public sealed class GetLinerCallCommand : LinerListCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";
    private const string NumberSet = "VirtualNumber";
    private const string OrderSet = "Order";

    private readonly List<long> _numberIds = new();
    private readonly List<long> _orderIds = new();

    #region Parameters

    /// <summary>The calls with these ids, each from its detail endpoint.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = IdSet)]
    public long[]? Id { get; set; }

    /// <summary>The calls that used these numbers (from the pipeline: Get-LinerVirtualNumber | Get-LinerCall).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = NumberSet)]
    [ValidateNotNull]
    public VirtualNumber[]? VirtualNumber { get; set; }

    /// <summary>The calls of these orders (from the pipeline: Get-LinerOrder | Get-LinerCall).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = OrderSet)]
    [ValidateNotNull]
    public Order[]? Order { get; set; }

    /// <summary>Only calls made at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = NumberSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [ApiQuery("createdAt[0]")]
    public DateTime After { get; set; }

    /// <summary>Only calls made before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = NumberSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [ApiQuery("createdAt[1]")]
    public DateTime Before { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ApiQuery("orderIds[]")]
    public long[]? OrderId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ApiQuery("leadIds[]")]
    public long[]? LeadId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = NumberSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [ValidateNotNullOrEmpty]
    [ApiQuery("userIds[]")]
    public long[]? UserId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = NumberSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [ValidateNotNullOrEmpty]
    [ApiQuery("statusIds[]")]
    public long[]? StatusId { get; set; }

    /// <summary>Only calls that used these virtual numbers (filtered here: the API has no such filter).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [Alias("SipEndpointId")]
    public long[]? VirtualNumberId { get; set; }

    /// <summary>Only incoming or only outgoing calls (filtered here).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = NumberSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [ValidateSet("incoming", "outgoing", IgnoreCase = true)]
    [ArgumentCompleter(typeof(CallDirectionCompleter))]
    public string? Direction { get; set; }

    /// <summary>Only calls with these client phones, written any usual way (+7, 7 or 8 in front, spaces, dashes; wildcards; filtered here).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = NumberSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Phone { get; set; }

    #endregion

    protected override void Process()
    {
        RequestIds(Id);
        if (VirtualNumber is not null)
        {
            _numberIds.AddRange(VirtualNumber.Select(number => number.Id));
        }
        if (Order is not null)
        {
            _orderIds.AddRange(Order.Select(order => order.Id));
        }
    }

    protected override void End()
    {
        if (MyInvocation.ExpectingInput && !IdsRequested && _numberIds.Count == 0 && _orderIds.Count == 0)
        {
            return;
        }
        var client = Client(ResolveConnection());
        if (ParameterSetName == IdSet)
        {
            WriteEachById<Call>(client, "Run Get-LinerCall with -After and -Before to list the calls of a period.");
            return;
        }

        var query = BoundQuery().AddEach("orderIds[]", _orderIds.Distinct());
        var numbers = ParameterSetName == NumberSet ? new HashSet<long>(_numberIds) : VirtualNumberId is null ? null : new HashSet<long>(VirtualNumberId);
        var phones = WildcardSet.From(Phone, PhoneNumber.Normalize);
        Func<Call, bool>? keep = numbers is null && Direction is null && phones is null ? null : call =>
            (numbers is null || (call.SipEndpointId is { } number && numbers.Contains(number)))
            && (Direction is null || string.Equals(call.Direction, Direction, StringComparison.OrdinalIgnoreCase))
            && (phones is null || (call.ClientPhone is { } phone && phones.Matches(PhoneNumber.Normalize(phone))));

        var progress = NewProgress("Reading calls", "calls");
        var calls = new AccountCalls(client, query, OrderId is not null || LeadId is not null || _orderIds.Count > 0, keep is null ? ServerSkip : 0)
        {
            OnTotal = total => progress.Total = (progress.Total ?? 0) + total,
        };
        WritePaged(calls.Read(), keep, () => calls.Total, progress, (ulong)calls.StartOffset);
    }
}
