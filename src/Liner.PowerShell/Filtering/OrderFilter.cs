using System.Collections.Generic;

namespace Liner.PowerShell.Filtering;

/// <summary>What Get-LinerOrder selects: ids (given, or the orders of piped numbers), titles and codes (wildcards).</summary>
internal sealed class OrderFilter
{
    private readonly HashSet<long>? _ids;
    private readonly WildcardSet? _titles;
    private readonly WildcardSet? _codes;

    public OrderFilter(IEnumerable<long>? ids, IEnumerable<string>? titles, IEnumerable<string>? codes)
    {
        _ids = ids is null ? null : new HashSet<long>(ids);
        _titles = WildcardSet.From(titles);
        _codes = WildcardSet.From(codes);
    }

    public bool Matches(Order order) =>
        (_ids is null || _ids.Contains(order.Id))
        && (_titles is null || _titles.Matches(order.Title))
        && (_codes is null || _codes.Matches(order.Code));
}
