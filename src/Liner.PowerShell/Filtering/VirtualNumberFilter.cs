using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;

namespace Liner.PowerShell.Filtering;

/// <summary>
/// The test Get-LinerVirtualNumber applies to each number, built once from its parameters:
/// every given parameter must match (AND), and any one value of a parameter may match (OR).
/// </summary>
internal sealed class VirtualNumberFilter
{
    private const WildcardOptions Options = WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant;

    private readonly HashSet<long>? _ids;
    private readonly WildcardPattern[]? _titles;
    private readonly WildcardPattern[]? _phones;
    private readonly WildcardPattern[]? _connectionTypes;
    private readonly CallDirection? _direction;
    private readonly bool _defaultOnly;
    private readonly HashSet<long>? _orderIds;
    private readonly bool _unassignedOnly;

    public VirtualNumberFilter(
        IEnumerable<long>? ids = null,
        IEnumerable<string>? titles = null,
        IEnumerable<string>? phones = null,
        IEnumerable<string>? connectionTypes = null,
        CallDirection? direction = null,
        bool defaultOnly = false,
        IEnumerable<long>? orderIds = null,
        bool unassignedOnly = false)
    {
        _ids = ids is null ? null : new HashSet<long>(ids);
        _titles = Patterns(titles, pattern => pattern);
        _phones = Patterns(phones, NormalizePhone);
        _connectionTypes = Patterns(connectionTypes, pattern => pattern);
        _direction = direction;
        _defaultOnly = defaultOnly;
        _orderIds = orderIds is null ? null : new HashSet<long>(orderIds);
        _unassignedOnly = unassignedOnly;
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
        if (_connectionTypes is not null && !AnyMatch(_connectionTypes, number.ConnectionType))
        {
            return false;
        }
        if (_titles is not null && !AnyMatch(_titles, number.Title))
        {
            return false;
        }
        return true;
    }

    /// <summary>The tests on params (the phone number).</summary>
    public bool MatchesParams(VirtualNumber number) =>
        _phones is null || (number.Phone is { } phone && AnyMatch(_phones, NormalizePhone(phone)));

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

    private static WildcardPattern[]? Patterns(IEnumerable<string>? values, Func<string, string> normalize)
    {
        if (values is null)
        {
            return null;
        }
        var patterns = new List<WildcardPattern>();
        foreach (var value in values)
        {
            patterns.Add(new WildcardPattern(normalize(value ?? string.Empty), Options));
        }
        return patterns.ToArray();
    }

    private static bool AnyMatch(WildcardPattern[] patterns, string? value)
    {
        if (value is null)
        {
            return false;
        }
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(value))
            {
                return true;
            }
        }
        return false;
    }
}
