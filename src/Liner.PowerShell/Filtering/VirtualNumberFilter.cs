using System;
using System.Collections.Generic;
using System.Text;

namespace Liner.PowerShell.Filtering;

/// <summary>
/// The test Get-LinerVirtualNumber applies to each number, built once from its parameters:
/// every given parameter must match (AND), and any one value of a parameter may match (OR).
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
    private readonly bool _unassignedOnly;
    private readonly HashSet<long>? _ofOrders;
    private readonly HashSet<long>? _listedByOrders;

    public VirtualNumberFilter(
        IEnumerable<long>? ids = null,
        IEnumerable<string>? titles = null,
        IEnumerable<string>? phones = null,
        IEnumerable<string>? connectionTypes = null,
        CallDirection? direction = null,
        bool defaultOnly = false,
        IEnumerable<long>? orderIds = null,
        bool unassignedOnly = false,
        IEnumerable<Order>? orders = null)
    {
        _ids = ids is null ? null : new HashSet<long>(ids);
        _titles = WildcardSet.From(titles);
        _phones = WildcardSet.From(phones, NormalizePhone);
        _connectionTypes = WildcardSet.From(connectionTypes);
        _direction = direction;
        _defaultOnly = defaultOnly;
        _orderIds = orderIds is null ? null : new HashSet<long>(orderIds);
        _unassignedOnly = unassignedOnly;
        if (orders is not null)
        {
            _ofOrders = new HashSet<long>();
            _listedByOrders = new HashSet<long>();
            foreach (var order in orders)
            {
                _ofOrders.Add(order.Id);
                _listedByOrders.UnionWith(order.VirtualNumberIds);
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
        // The numbers of given orders: assigned to one of them, or listed by one of them.
        if (_ofOrders is not null && !(number.OrderId is { } assigned && _ofOrders.Contains(assigned)) && !_listedByOrders!.Contains(number.Id))
        {
            return false;
        }
        if (_defaultOnly && !number.IsDefault)
        {
            return false;
        }
        if (_unassignedOnly && number.OrderId is not null)
        {
            return false;
        }
        if (_orderIds is not null && (number.OrderId is not { } order || !_orderIds.Contains(order)))
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
        _phones is null || (number.Phone is { } phone && _phones.Matches(NormalizePhone(phone)));

    /// <summary>
    /// Incoming and Outgoing select every number with that direction enabled, whatever the other;
    /// Both needs both; None needs neither.
    /// </summary>
    public static bool MatchesDirection(CallDirection actual, CallDirection wanted) =>
        wanted == CallDirection.None ? actual == CallDirection.None : (actual & wanted) == wanted;

    /// <summary>A phone number without the spaces, dashes, dots and parentheses people write into it.</summary>
    public static string NormalizePhone(string phone)
    {
        var text = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (c is not (' ' or '-' or '.' or '(' or ')') && !char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
