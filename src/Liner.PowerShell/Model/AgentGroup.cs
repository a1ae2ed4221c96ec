using System;
using Liner.PowerShell.Api;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>
/// An agent group: named agents that an order can take as a whole, as <c>GET /v2/agent-group/</c>
/// describes one. The API sends the name in two languages (<c>names</c>: <c>{"ru": ..., "gb": ...}</c>):
/// <see cref="Name"/> is the English one, <see cref="NameRu"/> the Russian one.
/// </summary>
[ApiEndpoint("agent group", "v2/agent-group/", Paged = true, Detail = "v2/agent-group/{0}/", Create = "v2/agent-group/create/", Update = "v2/agent-group/update/{0}/", Mapper = typeof(AgentGroupMapper))]
public sealed class AgentGroup : ApiItem
{
    [TableColumn(1, 6, Right = true)]
    public long Id { get; internal set; }

    /// <summary>The English name (<c>names.gb</c>).</summary>
    [TableColumn(2)]
    [NotFromApi]
    public string? Name { get; internal set; }

    /// <summary>The Russian name (<c>names.ru</c>).</summary>
    [TableColumn(3, 20)]
    [NotFromApi]
    public string? NameRu { get; internal set; }

    /// <summary>The ids of the group's agents (users).</summary>
    public ValueList<long> AgentIds { get; internal set; } = ValueList<long>.Empty;

    public DateTimeOffset? CreatedAt { get; internal set; }

    [TableColumn(5, 16)]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary>How many agents the group has.</summary>
    [TableColumn(4, 10, Right = true)]
    public int AgentCount => AgentIds.Count;

    public override string ToString() => Name is null ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Id} {Name}";
}
