using System;
using System.Collections.Generic;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>One call, as <c>GET /v2/call/detail/{callId}/</c> describes it.</summary>
[Api.ApiEndpoint("call", "v2/call/", Paged = true, Detail = "v2/call/detail/{0}/")]
public sealed class Call : ApiItem
{
    public long Id { get; internal set; }

    /// <summary>The virtual number the call used (<c>sipEndpointId</c>).</summary>
    [TableColumn(3, 13, Right = true)]
    public long? SipEndpointId { get; internal set; }

    /// <summary><c>client</c>, <c>operator</c> or <c>system</c>.</summary>
    public string? FinishInitiator { get; internal set; }

    /// <summary><c>incoming</c> or <c>outgoing</c>.</summary>
    [TableColumn(2, 9)]
    public string? Direction { get; internal set; }

    public long? LeadId { get; internal set; }

    public long? UserId { get; internal set; }

    public long? OrderId { get; internal set; }

    [TableColumn(6)]
    public string? StatusCode { get; internal set; }

    public long TotalDurationSeconds { get; internal set; }

    public long WaitTimeDurationSeconds { get; internal set; }

    public long TalkTimeDurationSeconds { get; internal set; }

    /// <summary><see cref="TotalDurationSeconds"/> as a TimeSpan.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(TotalDurationSeconds);

    /// <summary><see cref="WaitTimeDurationSeconds"/> as a TimeSpan.</summary>
    public TimeSpan WaitTime => TimeSpan.FromSeconds(WaitTimeDurationSeconds);

    /// <summary><see cref="TalkTimeDurationSeconds"/> as a TimeSpan.</summary>
    [TableColumn(5, 8, Right = true)]
    public TimeSpan TalkTime => TimeSpan.FromSeconds(TalkTimeDurationSeconds);

    public bool IsPredictive { get; internal set; }

    [TableColumn(4, 12)]
    public string? ClientPhone { get; internal set; }

    public bool HasRecords { get; internal set; }

    [TableColumn(1, 16)]
    public DateTimeOffset? CreatedAt { get; internal set; }

    public override string ToString() => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
