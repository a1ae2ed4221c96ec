using System;
using System.Collections.Generic;

namespace Liner.PowerShell;

/// <summary>One call, as <c>GET /v2/call/detail/{callId}/</c> describes it.</summary>
[Api.ApiEndpoint("call", "v2/call/", Paged = true, Detail = "v2/call/detail/{0}/")]
public sealed class Call : ApiItem
{
    public long Id { get; internal set; }

    /// <summary>The virtual number the call used (<c>sipEndpointId</c>).</summary>
    public long? SipEndpointId { get; internal set; }

    /// <summary><c>client</c>, <c>operator</c> or <c>system</c>.</summary>
    public string? FinishInitiator { get; internal set; }

    /// <summary><c>incoming</c> or <c>outgoing</c>.</summary>
    public string? Direction { get; internal set; }

    public long? LeadId { get; internal set; }

    public long? UserId { get; internal set; }

    public long? OrderId { get; internal set; }

    public string? StatusCode { get; internal set; }

    public long TotalDurationSeconds { get; internal set; }

    public long WaitTimeDurationSeconds { get; internal set; }

    public long TalkTimeDurationSeconds { get; internal set; }

    /// <summary><see cref="TotalDurationSeconds"/> as a TimeSpan.</summary>
    public TimeSpan TotalDuration => TimeSpan.FromSeconds(TotalDurationSeconds);

    /// <summary><see cref="WaitTimeDurationSeconds"/> as a TimeSpan.</summary>
    public TimeSpan WaitTime => TimeSpan.FromSeconds(WaitTimeDurationSeconds);

    /// <summary><see cref="TalkTimeDurationSeconds"/> as a TimeSpan.</summary>
    public TimeSpan TalkTime => TimeSpan.FromSeconds(TalkTimeDurationSeconds);

    public bool IsPredictive { get; internal set; }

    public string? ClientPhone { get; internal set; }

    public bool HasRecords { get; internal set; }

    public DateTimeOffset? CreatedAt { get; internal set; }

    public override string ToString() => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
