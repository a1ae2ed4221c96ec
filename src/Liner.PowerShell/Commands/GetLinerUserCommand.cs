using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Lists the account's users, or the agents of piped orders. Ids given on the command line alone are
/// looked up one by one; everything else reads the user list once, whatever the pipeline's length.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LinerUser", DefaultParameterSetName = IdSet)]
[OutputType(typeof(User))]
public sealed class GetLinerUserCommand : LinerListCmdlet
{
    private const string IdSet = "Id";
    private const string OrderSet = "Order";

    private readonly List<Order> _orders = new();

    #region Parameters

    /// <summary>Only the users with these ids; also ids from the pipeline, or a UserId property of piped objects.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("UserId")]
    public long[]? Id { get; set; }

    /// <summary>The agents of these orders (from the pipeline: Get-LinerOrder | Get-LinerUser).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = OrderSet)]
    [ValidateNotNull]
    public Order[]? Order { get; set; }

    /// <summary>Only users whose full name, or any part of it, matches one of these (wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Only users whose e-mail address matches one of these (wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Email { get; set; }

    /// <summary>Only users of these access groups; one group is asked of the server.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AccessGroupCompleter))]
    public string[]? AccessGroup { get; set; }

    /// <summary>Only active users; with -Active:$false, only inactive ones (asked of the server).</summary>
    [Parameter]
    [ApiQuery("isActive")]
    public SwitchParameter Active { get; set; }

    #endregion

    protected override void Process()
    {
        RequestIds(Id);
        if (Order is not null)
        {
            _orders.AddRange(Order);
            RequestIds(Order.SelectMany(order => order.AgentUserIds));
        }
    }

    protected override void End()
    {
        if (NothingPiped)
        {
            return;
        }
        var client = Client(ResolveConnection());
        bool? active = IsBound(nameof(Active)) ? Active.IsPresent : null;
        var filter = new UserFilter(IdsRequested ? RequestedIds : null, Name, Email, AccessGroup, active);
        if (IdsRequested && !MyInvocation.ExpectingInput && !filter.HasNameFilters && active is null)
        {
            WriteEachById<User>(client, ListAction);
            return;
        }
        var query = BoundQuery();
        if (AccessGroup is { Length: 1 } one)
        {
            query.Add("accessGroup", one[0]);
        }
        var found = new HashSet<long>();
        foreach (var user in client.List<User>(query))
        {
            if (filter.Matches(user) && found.Add(user.Id))
            {
                WriteItem(user);
            }
        }
        if (IdsRequested && !filter.HasNameFilters && active is null)
        {
            WriteMissing(found, client.Connection);
        }
    }

    private const string ListAction = "Run Get-LinerUser to list the users the account has.";

    private static string NoSuchUser(long id, LinerConnection connection) => $"The account at {connection.ApiHost} has no user with id {id}.";

    private void WriteMissing(HashSet<long> found, LinerConnection connection)
    {
        var reported = new HashSet<long>();
        foreach (var order in _orders)
        {
            WriteMissing(order.AgentUserIds, found, reported, LinerErrorIds.UserNotFound, id => $"Order {order} lists agent {id}, whom the account at {connection.ApiHost} does not have.", ListAction);
        }
        WriteMissing(RequestedIds, found, reported, LinerErrorIds.UserNotFound, id => NoSuchUser(id, connection), ListAction);
    }
}
