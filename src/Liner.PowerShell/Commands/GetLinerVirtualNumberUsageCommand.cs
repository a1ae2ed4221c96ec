using System;
using System.Collections.Generic;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What each virtual number did in a period: its calls, by direction, talk time and last call,
/// including numbers with no calls at all. The calls are read once and counted as pages arrive, so
/// memory grows with the numbers, not with the calls.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerVirtualNumberUsage", DefaultParameterSetName = IdSet)]
[OutputType(typeof(VirtualNumberUsage))]
public sealed class GetLinerVirtualNumberUsageCommand : LinerListCmdlet
{
    private const string IdSet = "Id";
    private const string NumberSet = "VirtualNumber";

    private readonly List<VirtualNumber> _numbers = new();

    #region Parameters

    /// <summary>The start of the period.</summary>
    [Parameter(Mandatory = true)]
    public DateTime After { get; set; }

    /// <summary>The end of the period (default: now).</summary>
    [Parameter]
    public DateTime Before { get; set; }

    /// <summary>Only these numbers (default: every number of the account).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("SipEndpointId", "VirtualNumberId")]
    public long[]? Id { get; set; }

    /// <summary>These numbers (from the pipeline: Get-LinerVirtualNumber -ConnectionType pstn | Get-LinerVirtualNumberUsage).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = NumberSet)]
    [ValidateNotNull]
    public VirtualNumber[]? VirtualNumber { get; set; }

    #endregion

    protected override void Process()
    {
        RequestIds(Id);
        if (VirtualNumber is not null)
        {
            _numbers.AddRange(VirtualNumber);
            RequestIds(Array.Empty<long>());
        }
    }

    protected override void End()
    {
        if (NothingPiped)
        {
            return;
        }
        var client = Client(ResolveConnection());
        var after = new DateTimeOffset(After);
        var before = IsBound(nameof(Before)) ? new DateTimeOffset(Before) : DateTimeOffset.Now;
        var usage = new Dictionary<long, VirtualNumberUsage>();
        var order = new List<VirtualNumberUsage>();
        var progress = NewProgress("Counting calls per virtual number", "calls");
        var wanted = IdsRequested && _numbers.Count == 0 ? new HashSet<long>(RequestedIds) : null;
        foreach (var number in _numbers.Count > 0 ? (IEnumerable<VirtualNumber>)_numbers : client.List<VirtualNumber>())
        {
            if ((wanted is null || wanted.Contains(number.Id)) && !usage.ContainsKey(number.Id))
            {
                var entry = new VirtualNumberUsage { VirtualNumberId = number.Id, Title = number.Title, Phone = number.Phone, After = after, Before = before };
                usage.Add(number.Id, entry);
                order.Add(entry);
            }
        }
        var query = new Query().Add("createdAt[0]", Query.Iso(after)).Add("createdAt[1]", Query.Iso(before));
        var calls = new AccountCalls(client, query, selectsOrdersOrLeads: false) { OnTotal = total => progress.Total = (progress.Total ?? 0) + total };
        foreach (var call in calls.Read())
        {
            progress.Add();
            if (call.SipEndpointId is { } id && usage.TryGetValue(id, out var entry))
            {
                Count(entry, call);
            }
        }
        progress.Complete();
        foreach (var entry in order)
        {
            WriteObject(entry);
        }
        if (wanted is not null)
        {
            WriteMissing(RequestedIds, new HashSet<long>(usage.Keys), new HashSet<long>(), LinerErrorIds.VirtualNumberNotFound, id => $"The account at {client.Connection.ApiHost} has no virtual number with id {id}.", "Run Get-LinerVirtualNumber to list the numbers the account has.");
        }
    }

    private static void Count(VirtualNumberUsage entry, Call call)
    {
        entry.Calls++;
        if (string.Equals(call.Direction, "incoming", StringComparison.OrdinalIgnoreCase))
        {
            entry.IncomingCalls++;
        }
        else if (string.Equals(call.Direction, "outgoing", StringComparison.OrdinalIgnoreCase))
        {
            entry.OutgoingCalls++;
        }
        entry.TalkTime += call.TalkTime;
        if (call.CreatedAt is { } at && (entry.LastCallAt is null || at > entry.LastCallAt))
        {
            entry.LastCallAt = at;
        }
    }
}
