using System;
using System.Collections.Generic;
using System.Globalization;

namespace Liner.PowerShell.Api;

/// <summary>What <c>GET /v2/call/</c> can select on the server: a time range and ids, PHP style for arrays.</summary>
internal sealed class CallQuery
{
    public DateTimeOffset? After { get; init; }

    public DateTimeOffset? Before { get; init; }

    public IReadOnlyList<long> OrderIds { get; init; } = Array.Empty<long>();

    public IReadOnlyList<long> LeadIds { get; init; } = Array.Empty<long>();

    public IReadOnlyList<long> UserIds { get; init; } = Array.Empty<long>();

    public IReadOnlyList<long> StatusIds { get; init; } = Array.Empty<long>();

    /// <summary>The query string's parameters; <paramref name="orderIds"/> stands in for OrderIds when given (a batch).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToQuery(IReadOnlyList<long>? orderIds = null)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (After is { } after)
        {
            query.Add(new KeyValuePair<string, string>("createdAt[0]", after.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)));
        }
        if (Before is { } before)
        {
            query.Add(new KeyValuePair<string, string>("createdAt[1]", before.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)));
        }
        Add(query, "orderIds[]", orderIds ?? OrderIds);
        Add(query, "leadIds[]", LeadIds);
        Add(query, "userIds[]", UserIds);
        Add(query, "statusIds[]", StatusIds);
        return query;
    }

    private static void Add(List<KeyValuePair<string, string>> query, string name, IReadOnlyList<long> ids)
    {
        foreach (var id in ids)
        {
            query.Add(new KeyValuePair<string, string>(name, id.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
