using System;
using System.Collections.Generic;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Lists calls: by time range and order, lead, user or status on the server (every order of the
/// account when no order or lead is given), by virtual number and direction here; or calls by id.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerCall", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Call))]
public sealed class GetLinerCallCommand : LinerListCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    #region Parameters

    /// <summary>The calls with these ids, each from its detail endpoint.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = IdSet)]
    public long[]? Id { get; set; }

    /// <summary>Only calls made at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime After { get; set; }

    /// <summary>Only calls made before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime Before { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public long[]? OrderId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public long[]? LeadId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public long[]? UserId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public long[]? StatusId { get; set; }

    /// <summary>Only calls that used these virtual numbers (filtered here: the API has no such filter).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [Alias("SipEndpointId")]
    public long[]? VirtualNumberId { get; set; }

    /// <summary>Only incoming or only outgoing calls (filtered here).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CallDirectionCompleter))]
    public string? Direction { get; set; }

    #endregion

    protected override void ProcessRecord() => AddIds(Id);

    protected override void EndProcessing()
    {
        if (ParameterSetName == ListSet && MyInvocation.ExpectingInput)
        {
            return;
        }
        var connection = ResolveConnection(Connection);
        if (ParameterSetName == IdSet)
        {
            WriteByIds(connection);
            return;
        }
        var query = new CallQuery
        {
            After = Bound(nameof(After)) ? new DateTimeOffset(After) : null,
            Before = Bound(nameof(Before)) ? new DateTimeOffset(Before) : null,
            OrderIds = OrderId ?? Array.Empty<long>(),
            LeadIds = LeadId ?? Array.Empty<long>(),
            UserIds = UserId ?? Array.Empty<long>(),
            StatusIds = StatusId ?? Array.Empty<long>(),
        };
        var numbers = VirtualNumberId is null ? null : new HashSet<long>(VirtualNumberId);
        var progress = new ReadProgress(this, 1, "Reading calls", "calls");
        ulong matched = 0;
        var skip = PagingParameters.Skip;
        var first = PagingParameters.First;
        var complete = first > 0;
        Run(connection, client =>
        {
            if (first == 0)
            {
                return;
            }
            foreach (var call in client.Calls(query, total => progress.Total = (progress.Total ?? 0) + total))
            {
                progress.Add();
                if ((numbers is not null && (call.SipEndpointId is not { } number || !numbers.Contains(number)))
                    || (Direction is not null && !string.Equals(call.Direction, Direction, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                if (++matched <= skip)
                {
                    continue;
                }
                WriteItem(call);
                if (matched - skip == first)
                {
                    complete = false;
                    break;
                }
            }
        });
        progress.Complete();
        if (PagingParameters.IncludeTotalCount)
        {
            WriteObject(complete ? PagingParameters.NewTotalCount(matched, 1.0) : PagingParameters.NewTotalCount(0, 0.0));
        }
    }

    private void WriteByIds(LinerConnection connection)
    {
        var found = new HashSet<long>();
        Run(connection, client =>
        {
            foreach (var id in new HashSet<long>(Ids))
            {
                if (client.Call(id) is { } call && found.Add(call.Id))
                {
                    WriteItem(call);
                }
            }
        });
        WriteMissing(Ids, found, new HashSet<long>(), LinerErrorIds.CallNotFound, id => $"The account at {connection.ApiHost} has no call with id {id}.", "Run Get-LinerCall with -After and -Before to list the calls of a period.");
    }

    private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);
}
