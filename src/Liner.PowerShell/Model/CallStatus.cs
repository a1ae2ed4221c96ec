using System.Collections.Generic;

namespace Liner.PowerShell;

/// <summary>A status a call can end with, from <c>GET /v2/call-statuses/</c>.</summary>
[Api.ApiEndpoint("call status", "v2/call-statuses/", OtherSpelling = "v2/call-status/")]
public sealed class CallStatus : ApiItem
{
    public long Id { get; internal set; }

    public string? Code { get; internal set; }

    public string? Title { get; internal set; }

    public string? Description { get; internal set; }

    public int? Sort { get; internal set; }

    public bool? CommentRequired { get; internal set; }

    public bool? IsAvailableForAi { get; internal set; }

    /// <summary><c>after_call_transfer</c>, <c>always</c> or <c>never</c>.</summary>
    public string? AgentCallAvailability { get; internal set; }

    public string? LeadStatusCode { get; internal set; }

    public bool? PlanningTimeRequired { get; internal set; }

    public bool? IsSystem { get; internal set; }

    public override string ToString() => $"{Code} {Title}".Trim();
}
