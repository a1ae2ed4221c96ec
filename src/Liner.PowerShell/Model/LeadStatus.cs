using System.Collections.Generic;

namespace Liner.PowerShell;

/// <summary>A status a lead can have, from <c>GET /v2/lead-statuses/</c>.</summary>
[Api.ApiEndpoint("lead status", "v2/lead-statuses/", OtherSpelling = "v2/lead-status/")]
public sealed class LeadStatus : ApiItem
{
    public long Id { get; internal set; }

    public string? Code { get; internal set; }

    public string? Title { get; internal set; }

    /// <summary><c>in-progress</c>, <c>qualified</c> or <c>disqualified</c>.</summary>
    public string? Category { get; internal set; }

    public int? Sort { get; internal set; }

    public string? Color { get; internal set; }

    public bool? IsSystem { get; internal set; }

    public override string ToString() => $"{Code} {Title}".Trim();
}
