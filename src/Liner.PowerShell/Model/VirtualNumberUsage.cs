using System;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>What one virtual number did between two times: its calls, counted by direction, and their talk time.</summary>
[Rehydrate]
public sealed class VirtualNumberUsage
{
    [TableColumn(1, 15, Right = true)]
    public long VirtualNumberId { get; internal set; }

    [TableColumn(2)]
    public string? Title { get; internal set; }

    public string? Phone { get; internal set; }

    [TableColumn(3, 5, Right = true)]
    public int Calls { get; internal set; }

    [TableColumn(4, 13, Right = true)]
    public int IncomingCalls { get; internal set; }

    public int OutgoingCalls { get; internal set; }

    [TableColumn(5, 9, Right = true)]
    public TimeSpan TalkTime { get; internal set; }

    /// <summary>When its last call in the period began; null when it had none.</summary>
    [TableColumn(6, 10, TimeFormat = "yyyy-MM-dd")]
    public DateTimeOffset? LastCallAt { get; internal set; }

    public DateTimeOffset After { get; internal set; }

    public DateTimeOffset Before { get; internal set; }

    public override string ToString() => $"{VirtualNumberId} {Title}: {Calls} calls";
}
