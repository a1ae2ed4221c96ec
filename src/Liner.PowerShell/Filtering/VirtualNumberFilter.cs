using System.Collections.Generic;

namespace Liner.PowerShell.Filtering;

/// <summary>
/// The test Get-LinerVirtualNumber applies to each number, built once from its parameters:
/// every given parameter must match (AND), and any one value of a parameter may match (OR).
/// A number belongs to an order when its <c>orderId</c> is that order's id or the order lists it
/// (<c>sipEndpointIds</c>); it is unassigned when neither holds for any order.
/// </summary>
internal sealed class VirtualNumberFilter
{
    private readonly HashSet<long>? _ids;
    private readonly WildcardSet? _titles;
    private readonly WildcardSet? _phones;
    private readonly WildcardSet? _connectionTypes;
    private readonly CallDirection? _direction;
    private readonly bool _defaultOnly;
    private readonly HashSet<long>? _orderIds;
    private readonly HashSet<long>? _listedByThoseOrders;
    private readonly bool _unassignedOnly;
    private readonly HashSet<long>? _listedByAnyOrder;

    public VirtualNumberFilter(
        IEnumerable<long>? ids = null,
        IEnumerable<string>? titles = null,
        IEnumerable<string>? phones = null,
        IEnumerable<string>? connectionTypes = null,
        CallDirection? direction = null,
        bool defaultOnly = false,
        IEnumerable<Order>? orders = null,
        IEnumerable<long>? orderIds = null,
        bool unassignedOnly = false,
        IEnumerable<Order>? allOrders = null)
    {
        _ids = ids is null ? null : new HashSet<long>(ids);
        _titles = WildcardSet.From(titles);
        _phones = WildcardSet.From(phones, PhoneNumber.Normalize);
        _connectionTypes = WildcardSet.From(connectionTypes);
        _direction = direction;
        _defaultOnly = defaultOnly;
        if (orders is not null || orderIds is not null)
        {
            _orderIds = orderIds is null ? new HashSet<long>() : new HashSet<long>(orderIds);
            _listedByThoseOrders = new HashSet<long>();
            foreach (var order in orders ?? new Order[0])
            {
                _orderIds.Add(order.Id);
                _listedByThoseOrders.UnionWith(order.VirtualNumberIds);
            }
        }
        _unassignedOnly = unassignedOnly;
        if (unassignedOnly)
        {
            _listedByAnyOrder = new HashSet<long>();
            foreach (var order in allOrders ?? new Order[0])
            {
                _listedByAnyOrder.UnionWith(order.VirtualNumberIds);
            }
        }
    }

    public bool Matches(VirtualNumber number) => MatchesFields(number) && MatchesParams(number);

    /// <summary>
    /// Every test that needs only the number's own fields, not its params: the client runs it before
    /// it reads params, so numbers that fail it cost no params objects.
    /// </summary>
    public bool MatchesFields(VirtualNumber number)
    {
        if (_ids is not null && !_ids.Contains(number.Id))
        {
            return false;
        }
        if (_orderIds is not null && !(number.OrderId is { } assigned && _orderIds.Contains(assigned)) && !_listedByThoseOrders!.Contains(number.Id))
        {
            return false;
        }
        if (_unassignedOnly && (number.OrderId is not null || _listedByAnyOrder!.Contains(number.Id)))
        {
            return false;
        }
        if (_defaultOnly && !number.IsDefault)
        {
            return false;
        }
        if (_direction is { } direction && !MatchesDirection(number.CallDirection, direction))
        {
            return false;
        }
        if (_connectionTypes is not null && !_connectionTypes.Matches(number.ConnectionType))
        {
            return false;
        }
        if (_titles is not null && !_titles.Matches(number.Title))
        {
            return false;
        }
        return true;
    }

    /// <summary>The tests on params (the phone number).</summary>
    public bool MatchesParams(VirtualNumber number) =>
        _phones is null || (number.Phone is { } phone && _phones.Matches(PhoneNumber.Normalize(phone)));

    /// <summary>
    /// Incoming and Outgoing select every number with that direction enabled, whatever the other;
    /// Both needs both; None needs neither.
    /// </summary>
    public static bool MatchesDirection(CallDirection actual, CallDirection wanted) =>
        wanted == CallDirection.None ? actual == CallDirection.None : (actual & wanted) == wanted;
}
