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
    [ApiQuery("isAmd")]
    public SwitchParameter AnsweringMachine { get; set; }

    #endregion

    protected override void Process()
    {
        RequestIds(Id);
        if (CallId is not null)
        {
            _callsGiven = true;
            _callIds.AddRange(CallId);
        }
        if (Call is not null)
        {
            _callsGiven = true;
            _callIds.AddRange(Call.Select(call => call.Id));
        }
    }

    protected override void End()
    {
        if (MyInvocation.ExpectingInput && !_callsGiven && !IdsRequested)
        {
            return;
        }
        var client = Client(ResolveConnection());
        if (ParameterSetName == IdSet)
        {
            WriteEachById<CallRecord>(client, "Run Get-LinerCallRecord -CallId to list the records of a call.");
            return;
        }

        // One list per call asked about (the API takes one callId), or one list of every record.
        var query = IsBound(nameof(AnsweringMachine)) && !AnsweringMachine ? new Query() : BoundQuery();
        var callIds = _callIds.Distinct().ToList();
        var skip = callIds.Count <= 1 ? ServerSkip : 0;
        var lists = _callsGiven
            ? callIds.Select(callId => client.List(new Query().Add("callId", callId).AddAll(query), skip, new FieldMapper<CallRecord>(Endpoint.Of<CallRecord>().ItemName, () => new CallRecord { CallId = callId }))).ToList()
            : new List<ListSequence<CallRecord>> { client.List<CallRecord>(query, skip) };
        WritePaged(lists.SelectMany(list => list), serverTotal: () => lists.Count == 1 ? lists[0].Total : null, skippedByServer: (ulong)skip);
    }
}
