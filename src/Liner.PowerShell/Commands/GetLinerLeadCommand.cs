using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Lists leads: by order, status and creation time on the server, by phone and name here; the leads of
/// piped orders or calls; or leads by id. Status is the status's code and custom values are keyed by
/// the fields' titles.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerLead", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Lead))]
public sealed class GetLinerLeadCommand : LinerListCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";
    private const string OrderSet = "Order";
    private const string CallSet = "Call";

    private readonly List<long> _orderIds = new();

    #region Parameters

    /// <summary>The leads with these ids, each from its detail endpoint; also from a LeadId property of piped objects.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("LeadId")]
    public long[]? Id { get; set; }

    /// <summary>The leads of these orders (from the pipeline: Get-LinerOrder | Get-LinerLead).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = OrderSet)]
    [ValidateNotNull]
    public Order[]? Order { get; set; }

    /// <summary>The leads of these calls (from the pipeline: Get-LinerCall | Get-LinerLead).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CallSet)]
    [ValidateNotNull]
    public Call[]? Call { get; set; }

    /// <summary>Only leads of these orders (asked of the server).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ApiQuery("orderIds[]")]
    public long[]? OrderId { get; set; }

    /// <summary>Only leads with these statuses, by code (wildcards; asked of the server by id).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LeadStatusCompleter))]
    public string[]? Status { get; set; }

    /// <summary>Only leads created at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [ApiQuery("createdAt[0]")]
    public DateTime After { get; set; }

    /// <summary>Only leads created before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [ApiQuery("createdAt[1]")]
    public DateTime Before { get; set; }

    /// <summary>Only leads whose phone matches, written any usual way (wildcards; filtered here).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Phone { get; set; }

    /// <summary>Only leads whose name matches (wildcards; filtered here).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = OrderSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    #endregion

    protected override void Process()
    {
        RequestIds(Id);
        if (Call is not null)
        {
            RequestIds(Call.Where(call => call.LeadId is not null).Select(call => call.LeadId!.Value));
        }
        if (Order is not null)
        {
            _orderIds.AddRange(Order.Select(order => order.Id));
        }
    }

    protected override void End()
    {
        if (MyInvocation.ExpectingInput && !IdsRequested && _orderIds.Count == 0)
        {
            return;
        }
        var client = Client(ResolveConnection());
        var vocabulary = new LeadVocabulary(client);
        if (ParameterSetName is IdSet or CallSet)
        {
            WriteEachById<Lead>(client, "Run Get-LinerLead -OrderId to list the leads of an order.", vocabulary.Describe);
            return;
        }

        var query = BoundQuery().AddEach("orderIds[]", _orderIds.Distinct());
        if (Status is not null)
        {
            var ids = Status.SelectMany(vocabulary.StatusesLike).Select(status => status.Id).Distinct().ToList();
            if (ids.Count == 0)
            {
                Fail(new ArgumentException($"No lead status of the account at {client.Connection.ApiHost} matches {string.Join(", ", Status.Select(code => $"'{code}'"))}."), LinerErrorIds.UnknownLeadStatus, ErrorCategory.ObjectNotFound, Status, "Run Get-LinerLeadStatus to see the codes.");
            }
            query.AddEach("statusIds[]", ids);
        }
        var phones = WildcardSet.From(Phone, PhoneNumber.Normalize);
        var names = WildcardSet.From(Name);
        Func<Lead, bool>? keep = phones is null && names is null ? null : lead =>
            (phones is null || (lead.Phone is { } phone && phones.Matches(PhoneNumber.Normalize(phone))))
            && (names is null || names.Matches(lead.Name));
        var list = client.List<Lead>(query, keep is null ? ServerSkip : 0);
        WritePaged(list.Select(vocabulary.Describe), keep, () => list.Total, NewProgress("Reading leads", "leads"), keep is null ? (ulong)ServerSkip : 0);
    }
}
