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

    /// <summary>Only active users (asked of the server).</summary>
    [Parameter]
    public SwitchParameter Active { get; set; }

    #endregion

    protected override void ProcessRecord()
    {
        AddIds(Id);
        if (Order is not null)
        {
            _orders.AddRange(Order);
            AddIds(Order.SelectMany(order => order.AgentUserIds));
        }
    }

    protected override void EndProcessing()
    {
        if (NothingPiped)
        {
            return;
        }
        var connection = ResolveConnection(Connection);
        var filter = new UserFilter(IdsGiven ? Ids : null, Name, Email, AccessGroup, Active.IsPresent);
        var found = new HashSet<long>();
        Run(connection, client =>
        {
            var oneByOne = IdsGiven && !MyInvocation.ExpectingInput && !filter.HasNameFilters && !Active.IsPresent;
            foreach (var user in oneByOne ? Lookup(client) : client.Users(AccessGroup is { Length: 1 } one ? one[0] : null, Active.IsPresent))
            {
                if (filter.Matches(user) && found.Add(user.Id))
                {
                    WriteItem(user);
                }
            }
        });
        if (IdsGiven && !filter.HasNameFilters && !Active.IsPresent)
        {
            WriteMissing(found, connection);
        }
    }

    /// <summary>Each id given on the command line, from its detail endpoint.</summary>
    private IEnumerable<User> Lookup(LinerClient client)
    {
        foreach (var id in new HashSet<long>(Ids))
        {
            if (client.User(id) is { } user)
            {
                yield return user;
            }
        }
    }

    private void WriteMissing(HashSet<long> found, LinerConnection connection)
    {
        const string action = "Run Get-LinerUser to list the users the account has.";
        var reported = new HashSet<long>();
        foreach (var order in _orders)
        {
            WriteMissing(order.AgentUserIds, found, reported, LinerErrorIds.UserNotFound, id => $"Order {order} lists agent {id}, whom the account at {connection.ApiHost} does not have.", action);
        }
        WriteMissing(Ids, found, reported, LinerErrorIds.UserNotFound, id => $"The account at {connection.ApiHost} has no user with id {id}.", action);
    }
}
