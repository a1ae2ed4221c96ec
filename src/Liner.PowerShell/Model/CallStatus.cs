using System.Collections.Generic;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>A status a call can end with, from <c>GET /v2/call-statuses/</c>.</summary>
[Api.ApiEndpoint("call status", "v2/call-statuses/", OtherSpelling = "v2/call-status/")]
public sealed class CallStatus : ApiItem
{
    [TableColumn(1, 4, Right = true)]
    public long Id { get; internal set; }

    [TableColumn(2)]
    public string? Code { get; internal set; }

    [TableColumn(3)]
    public string? Title { get; internal set; }

    public string? Description { get; internal set; }

    public int? Sort { get; internal set; }

    [TableColumn(6, 15)]
    public bool? CommentRequired { get; internal set; }

    public bool? IsAvailableForAi { get; internal set; }

    /// <summary><c>after_call_transfer</c>, <c>always</c> or <c>never</c>.</summary>
    [TableColumn(4, 21)]
    public string? AgentCallAvailability { get; internal set; }

    public string? LeadStatusCode { get; internal set; }

    public bool? PlanningTimeRequired { get; internal set; }

    [TableColumn(5, 8)]
    public bool? IsSystem { get; internal set; }

    public override string ToString() => $"{Code} {Title}".Trim();
}
