using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Lists the account's virtual numbers, filtered in the client (the API has no filters), writing each
/// number as soon as it is read. Ids given on the pipeline are collected, so one call makes one request.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerVirtualNumber", DefaultParameterSetName = AllSet, SupportsPaging = true)]
[OutputType(typeof(VirtualNumber))]
public sealed class GetLinerVirtualNumberCommand : LinerListCmdlet
{
    private const string AllSet = "All";
    private const string UnassignedSet = "Unassigned";
    private const string OrderSet = "Order";

    private readonly List<Order> _orders = new();
    private bool _ordersPiped;

    #region Parameters

    /// <summary>Only the numbers with these ids; each id not in the account is a non-terminating error.</summary>
    /// <remarks>Not in the Order set: a piped order binds as an order, never by its Id as a number id.</remarks>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AllSet)]
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UnassignedSet)]
    [Alias("SipEndpointId", "VirtualNumberId")]
    [ArgumentCompleter(typeof(VirtualNumberCompleter))]
    public long[]? Id { get; set; }

    /// <summary>Only numbers whose title matches one of these (wildcards, case-insensitive).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VirtualNumberCompleter))]
    public string[]? Title { get; set; }

    /// <summary>Only numbers whose phone matches, written any usual way (+7, 7 or 8 in front, spaces, dashes, parentheses; wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Phone { get; set; }

    /// <summary>Only numbers of these connection types, in the API's spelling (wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
    public string[]? ConnectionType { get; set; }

    /// <summary>Only numbers with these calls enabled: Incoming, Outgoing, Both, or None.</summary>
    [Parameter]
    public CallDirection Direction { get; set; }

    /// <summary>Only the numbers used by default.</summary>
    [Parameter]
    public SwitchParameter Default { get; set; }

    /// <summary>Only numbers of these orders: assigned to one (their OrderId), or listed by one.</summary>
    [Parameter(ParameterSetName = AllSet)]
    [ValidateNotNullOrEmpty]
    public long[]? OrderId { get; set; }

    /// <summary>The numbers of these orders (from the pipeline: Get-LinerOrder | Get-LinerVirtualNumber).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = OrderSet)]
    [ValidateNotNull]
    public Order[]? Order { get; set; }

    /// <summary>Only numbers no order has: no OrderId, and listed by no order.</summary>
    [Parameter(Mandatory = true, ParameterSetName = UnassignedSet)]
    public SwitchParameter Unassigned { get; set; }

    #endregion

    protected override void Process()
    {
        RequestIds(Id);
        if (Order is not null)
        {
            _orders.AddRange(Order);
            _ordersPiped = true;
            RequestIds(System.Array.Empty<long>());    // orders stand for the numbers they have: something was piped
        }
    }

    protected override void End()
    {
        if (NothingPiped)
        {
            return;
        }
        var client = Client(ResolveConnection());
        if (OrderId is not null)
        {
            // The orders themselves, for the numbers they list.
            var wanted = new HashSet<long>(OrderId);
            _orders.AddRange(client.List<Order>().Where(order => wanted.Contains(order.Id)));
        }
        var filter = new VirtualNumberFilter(
            IdsRequested && !_ordersPiped ? RequestedIds : null,
            Title,
            Phone,
            ConnectionType,
            IsBound(nameof(Direction)) ? Direction : null,
            Default.IsPresent,
            _orders.Count > 0 || OrderId is not null ? _orders : null,
            OrderId,
            Unassigned.IsPresent,
            Unassigned.IsPresent ? client.List<Order>().ToList() : null);
        // Which numbers were found matters only for ids asked for: no set of every number otherwise.
        var found = IdsRequested ? new HashSet<long>() : null;
        var whole = WritePaged(
            client.List(mapper: new VirtualNumberMapper(filter.MatchesFields)),
            number =>
            {
                if (!filter.Matches(number))
                {
                    return false;
                }
                found?.Add(number.Id);
                return true;
            });
        if (found is not null && whole)
        {
            WriteMissingIds(found, client.Connection);
        }
    }

    private void WriteMissingIds(HashSet<long> found, LinerConnection connection)
    {
        var reported = new HashSet<long>();
        var otherFilters = HasOtherFilters();
        foreach (var order in otherFilters || !_ordersPiped ? new List<Order>() : _orders)
        {
            WriteMissing(order.VirtualNumberIds, found, reported, LinerErrorIds.VirtualNumberNotFound, id => $"Order {order} lists virtual number {id}, which the account at {connection.ApiHost} does not have.", "Run Get-LinerVirtualNumber to list the numbers the account has.");
        }
        // Other filters may have excluded a number that exists; only a truly unknown id is "not found"
        // when no other filter was given.
        WriteMissing(
            RequestedIds,
            found,
            reported,
            LinerErrorIds.VirtualNumberNotFound,
            id => otherFilters
                ? $"No virtual number with id {id} matches the other filters in the account at {connection.ApiHost}."
                : $"The account at {connection.ApiHost} has no virtual number with id {id}.",
            otherFilters
                ? "Run Get-LinerVirtualNumber -Id with no other filter to see the number's fields."
                : "Run Get-LinerVirtualNumber without -Id to list the numbers the account has.");
    }

    private bool HasOtherFilters()
    {
        foreach (var name in MyInvocation.BoundParameters.Keys)
        {
            if (name is not (nameof(Id) or nameof(Order) or nameof(Connection) or "First" or "Skip" or "IncludeTotalCount") && !CommonParameters.Contains(name) && !OptionalCommonParameters.Contains(name))
            {
                return true;
            }
        }
        return false;
    }
}
