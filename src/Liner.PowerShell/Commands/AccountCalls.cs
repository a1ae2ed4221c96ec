using System.Collections.Generic;
using System.Linq;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// The calls a query selects. The API needs order or lead ids: when the query has neither, the calls of
/// every order of the account are asked for, a batch of order ids per list so that no URL grows past a
/// few kilobytes. <see cref="Total"/> is the server's count once every list has said it.
/// </summary>
internal sealed class AccountCalls
{
    /// <summary>How many order ids go into one calls query.</summary>
    internal const int OrderIdsPerQuery = 100;

    private readonly LinerClient _client;
    private readonly Query _query;
    private readonly bool _needsOrders;
    private readonly List<ListSequence<Call>> _lists = new();
    private int _batches = -1;

    /// <param name="query">The server-side query; <paramref name="selectsOrdersOrLeads"/> when it already names orders or leads.</param>
    /// <param name="startOffset">Where the one list starts (server-side -Skip); only when the query names orders or leads.</param>
    public AccountCalls(LinerClient client, Query query, bool selectsOrdersOrLeads, long startOffset = 0)
    {
        _client = client;
        _query = query;
        _needsOrders = !selectsOrdersOrLeads;
        StartOffset = _needsOrders ? 0 : startOffset;
    }

    /// <summary>Where the list starts: 0 when the calls of every order are read.</summary>
    public long StartOffset { get; }

    /// <summary>Each list's total as its first page says it (for progress).</summary>
    public System.Action<long>? OnTotal { get; set; }

    /// <summary>The calls in all, once every list has said its total; null before, or when one never does.</summary>
    public long? Total =>
        _batches >= 0 && _lists.Count == _batches && _lists.All(list => list.Total is not null) ? _lists.Sum(list => list.Total!.Value) : null;

    public IEnumerable<Call> Read()
    {
        var batches = new List<Query>();
        if (!_needsOrders)
        {
            batches.Add(_query);
        }
        else
        {
            var orders = _client.List<Order>().Select(order => order.Id).ToList();
            for (var i = 0; i < orders.Count; i += OrderIdsPerQuery)
            {
                batches.Add(new Query().AddAll(_query).AddEach("orderIds[]", orders.Skip(i).Take(OrderIdsPerQuery)));
            }
        }
        _batches = batches.Count;
        foreach (var batch in batches)
        {
            var list = _client.List<Call>(batch, StartOffset);
            _lists.Add(list);
            var told = false;
            foreach (var call in list)
            {
                if (!told && list.Total is { } total)
                {
                    OnTotal?.Invoke(total);
                    told = true;
                }
                yield return call;
            }
        }
    }
}
