using System.Collections.Generic;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>A status a lead can have, from <c>GET /v2/lead-statuses/</c>.</summary>
[Api.ApiEndpoint("lead status", "v2/lead-statuses/", OtherSpelling = "v2/lead-status/")]
public sealed class LeadStatus : ApiItem
{
    [TableColumn(1, 4, Right = true)]
    public long Id { get; internal set; }

    [TableColumn(2)]
    public string? Code { get; internal set; }

    [TableColumn(3)]
    public string? Title { get; internal set; }

    /// <summary><c>in-progress</c>, <c>qualified</c> or <c>disqualified</c>.</summary>
    [TableColumn(4, 12)]
    public string? Category { get; internal set; }

    public int? Sort { get; internal set; }

    [TableColumn(5, 7)]
    public string? Color { get; internal set; }

    [TableColumn(6, 8)]
    public bool? IsSystem { get; internal set; }

    public override string ToString() => $"{Code} {Title}".Trim();
}
