using Liner.PowerShell.Api;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>
/// A call-attempt scheme: how long Liner waits between the attempts to reach a lead, as
/// <c>GET /v2/call-attempt/detail/{id}/</c> describes one. An order names one by its id
/// (<c>callAttemptGroupId</c>).
/// </summary>
[ApiEndpoint("call attempt group", "v2/call-attempt/", Paged = true, Detail = "v2/call-attempt/detail/{0}/", Create = "v2/call-attempt/create/", Update = "v2/call-attempt/update/{0}/")]
public sealed class CallAttemptGroup : ApiItem
{
    [TableColumn(1, 6, Right = true)]
    public long Id { get; internal set; }

    [TableColumn(2)]
    public string? Title { get; internal set; }

    /// <summary>The minutes between one attempt and the next (<c>intervals</c>); the table shows them as <c>15 60 240</c>.</summary>
    [TableColumn(3, 22, Script = "$_.Intervals -join ' '")]
    [ApiField(Reader = typeof(MinutesReader))]
    public ValueList<int> Intervals { get; internal set; } = ValueList<int>.Empty;

    /// <summary>The scheme an order without one uses.</summary>
    [TableColumn(4, 9)]
    public bool IsDefault { get; internal set; }

    /// <summary>Whether the count of attempts starts again (<c>resetAttemptsEnabled</c>).</summary>
    [TableColumn(5, 20)]
    public bool ResetAttemptsEnabled { get; internal set; }

    public override string ToString() => Title is null ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Id} {Title}";
}
