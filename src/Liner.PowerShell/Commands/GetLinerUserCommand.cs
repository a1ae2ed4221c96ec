using System.Collections.Generic;
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
public sealed class GetLinerUserCommand : LinerCmdlet
{
    private const string IdSet = "Id";
    private const string OrderSet = "Order";

    private readonly List<long> _ids = new();
    private readonly List<Order> _orders = new();
    private bool _idsGiven;

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

    [Parameter]
    [ValidateNotNull]
    public LinerConnection? Connection { get; set; }

    #endregion

    protected override void ProcessRecord()
    {
        if (Id is not null)
        {
            _idsGiven = true;
            _ids.AddRange(Id);
        }
        if (Order is not null)
        {
            _idsGiven = true;
            foreach (var order in Order)
            {
                _orders.Add(order);
                _ids.AddRange(order.AgentUserIds);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (MyInvocation.ExpectingInput && !_idsGiven)
        {
            return;
        }
        var connection = ResolveConnection(Connection);
        var filter = new UserFilter(_idsGiven ? _ids : null, Name, Email, AccessGroup, Active.IsPresent);
        var found = new HashSet<long>();
        Run(connection, client =>
        {
            var oneByOne = _idsGiven && !MyInvocation.ExpectingInput && !filter.HasNameFilters && !Active.IsPresent;
            foreach (var user in oneByOne ? Lookup(client) : client.Users(AccessGroup is { Length: 1 } one ? one[0] : null, Active.IsPresent))
            {
                if (filter.Matches(user) && found.Add(user.Id))
                {
                    WriteItem(user);
                }
            }
        });
        if (_idsGiven && !filter.HasNameFilters && !Active.IsPresent)
        {
            WriteMissing(found, connection);
        }
    }

    /// <summary>Each id given on the command line, from its detail endpoint.</summary>
    private IEnumerable<User> Lookup(LinerClient client)
    {
        foreach (var id in new HashSet<long>(_ids))
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
            foreach (var id in order.AgentUserIds)
            {
                if (!found.Contains(id) && reported.Add(id))
                {
                    WriteNotFound(LinerErrorIds.UserNotFound, $"Order {order} lists agent {id}, whom the account at {connection.ApiHost} does not have.", id, action);
                }
            }
        }
        foreach (var id in _ids)
        {
            if (!found.Contains(id) && reported.Add(id))
            {
                WriteNotFound(LinerErrorIds.UserNotFound, $"The account at {connection.ApiHost} has no user with id {id}.", id, action);
            }
        }
    }
}
