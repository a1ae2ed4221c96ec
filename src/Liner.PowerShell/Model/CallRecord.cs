using System;
using System.Collections.Generic;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>One recording of a call, as <c>GET /v2/call-record/</c> describes it.</summary>
[Api.ApiEndpoint("call record", "v2/call-record/", Paged = true, Detail = "v2/call-record/detail/{0}/")]
public sealed class CallRecord : ApiItem
{
    [TableColumn(1, 7, Right = true)]
    public long Id { get; internal set; }

    /// <summary>The call the record was asked for (the API's items do not carry it; the module keeps it).</summary>
    [TableColumn(2, 7, Right = true)]
    public long? CallId { get; internal set; }

    public long? UserId { get; internal set; }

    public long? LeadId { get; internal set; }

    [TableColumn(5, 10)]
    public bool IsTransfer { get; internal set; }

    public long DurationSeconds { get; internal set; }

    /// <summary><see cref="DurationSeconds"/> as a TimeSpan.</summary>
    [TableColumn(4, 8, Right = true)]
    public TimeSpan Duration => TimeSpan.FromSeconds(DurationSeconds);

    /// <summary>Where the recording can be downloaded (<c>fileUrl</c>).</summary>
    public Uri? FileUrl { get; internal set; }

    /// <summary>The AI summary of the call (<c>recordSummary</c>), when there is one.</summary>
    [Api.ApiField("recordSummary")]
    [TableColumn(6)]
    public string? Summary { get; internal set; }

    [TableColumn(3, 16)]
    public DateTimeOffset? CreatedAt { get; internal set; }

    public override string ToString() => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
