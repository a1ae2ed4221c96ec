using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Lists the recordings of calls (of the given or piped calls, or of every call), or recordings by
/// id. A piped call is taken as a call: its Id is the call id here, never a record id.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerCallRecord", DefaultParameterSetName = CallSet, SupportsPaging = true)]
[OutputType(typeof(CallRecord))]
public sealed class GetLinerCallRecordCommand : LinerListCmdlet
{
    private const string CallSet = "CallId";
    private const string PipedCallSet = "Call";
    private const string IdSet = "Id";

    private readonly List<long> _callIds = new();
    private bool _callsGiven;

    #region Parameters

    /// <summary>The records of these calls; also from a CallId property of piped objects.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = CallSet)]
    [ValidateNotNullOrEmpty]
    public long[]? CallId { get; set; }

    /// <summary>The records of these calls (from the pipeline: Get-LinerCall | Get-LinerCallRecord).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipedCallSet)]
    [ValidateNotNull]
    public Call[]? Call { get; set; }

    /// <summary>The records with these ids, each from its detail endpoint.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [ValidateNotNullOrEmpty]
    public long[]? Id { get; set; }

    /// <summary>Only records where an answering machine was detected (asked of the server).</summary>
    [Parameter(ParameterSetName = CallSet)]
    [Parameter(ParameterSetName = PipedCallSet)]
    public SwitchParameter AnsweringMachine { get; set; }

    #endregion

    protected override void ProcessRecord()
    {
        AddIds(Id);
        if (CallId is not null)
        {
            _callsGiven = true;
            _callIds.AddRange(CallId);
        }
        if (Call is not null)
        {
            _callsGiven = true;
            foreach (var call in Call)
            {
                _callIds.Add(call.Id);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (MyInvocation.ExpectingInput && !_callsGiven && !IdsGiven)
        {
            return;
        }
        var connection = ResolveConnection(Connection);
        if (ParameterSetName == IdSet)
        {
            var found = new HashSet<long>();
            Run(connection, client =>
            {
                foreach (var id in new HashSet<long>(Ids))
                {
                    if (client.CallRecord(id) is { } record && found.Add(record.Id))
                    {
                        WriteItem(record);
                    }
                }
            });
            WriteMissing(Ids, found, new HashSet<long>(), LinerErrorIds.CallRecordNotFound, id => $"The account at {connection.ApiHost} has no call record with id {id}.", "Run Get-LinerCallRecord -CallId to list the records of a call.");
            return;
        }

        ulong matched = 0;
        var skip = PagingParameters.Skip;
        var first = PagingParameters.First;
        // One list per call asked about (the API takes one callId), or one list of every record.
        var calls = _callsGiven ? new HashSet<long>(_callIds).Select(id => (long?)id).ToList() : new List<long?> { null };
        var complete = true;
        Run(connection, client =>
        {
            foreach (var callId in calls)
            {
                foreach (var record in client.CallRecords(callId, AnsweringMachine.IsPresent))
                {
                    if (++matched <= skip)
                    {
                        continue;
                    }
                    WriteItem(record);
                    if (matched - skip >= first)
                    {
                        complete = false;
                        return;
                    }
                }
            }
        });
        if (PagingParameters.IncludeTotalCount)
        {
            WriteObject(complete ? PagingParameters.NewTotalCount(matched, 1.0) : PagingParameters.NewTotalCount(0, 0.0));
        }
    }
}
