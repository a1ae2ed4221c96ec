using System;
using Liner.PowerShell.Api;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>
/// A lead: a person a campaign (order) calls, as <c>GET /v2/lead/detail/{leadId}/</c> describes one.
/// <see cref="Status"/> is the code of its status and <see cref="CustomValues"/> are keyed by the
/// custom fields' titles; both are resolved by the cmdlets from <see cref="StatusId"/> and the ids the
/// API sends.
/// </summary>
[ApiEndpoint("lead", "v2/lead/", Paged = true, Detail = "v2/lead/detail/{0}/", Create = "v2/lead/create/", CreateAsync = "v2/lead/create-async/", Update = "v2/lead/update/{0}/")]
public sealed class Lead : ApiItem
{
    [TableColumn(1, 8, Right = true)]
    public long Id { get; internal set; }

    [TableColumn(2)]
    public string? Name { get; internal set; }

    /// <summary>The phone (E.164, the + optional).</summary>
    [TableColumn(3, 12)]
    public string? Phone { get; internal set; }

    /// <summary>The code of the lead's status (from <see cref="StatusId"/>).</summary>
    [TableColumn(4, 12)]
    [NotFromApi]
    public string? Status { get; internal set; }

    public long? StatusId { get; internal set; }

    [TableColumn(5, 7, Right = true)]
    public long? OrderId { get; internal set; }

    public string? OrderCode { get; internal set; }

    [TableColumn(6, 16)]
    public DateTimeOffset? CreatedAt { get; internal set; }

    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary><c>straight</c> or <c>selection</c>.</summary>
    public string? LeadType { get; internal set; }

    public int? Priority { get; internal set; }

    /// <summary>The lead's offset from UTC, in hours.</summary>
    public int? UtcOffset { get; internal set; }

    public string? SourceComment { get; internal set; }

    public string? Ip { get; internal set; }

    public string? ExternalIdBitrix24 { get; internal set; }

    public string? ExternalIdAmo { get; internal set; }

    public string? ExternalIdMacro { get; internal set; }

    public string? ExternalIdDomoplaner { get; internal set; }

    public string? CreateMethod { get; internal set; }

    public bool? IsSecondary { get; internal set; }

    public DateTimeOffset? PlanningCallDateTime { get; internal set; }

    /// <summary>The values of the account's custom fields, keyed by the field's title (its id when the field is unknown).</summary>
    public ApiObject CustomValues { get; internal set; } = new();

    public override string ToString() => Name is null ? $"{Id} {Phone}" : $"{Id} {Name}";
}
