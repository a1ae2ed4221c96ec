using System;

namespace Liner.PowerShell;

/// <summary>What one virtual number did between two times: its calls, counted by direction, and their talk time.</summary>
public sealed class VirtualNumberUsage
{
    public long VirtualNumberId { get; internal set; }

    public string? Title { get; internal set; }

    public string? Phone { get; internal set; }

    public int Calls { get; internal set; }

    public int IncomingCalls { get; internal set; }

    public int OutgoingCalls { get; internal set; }

    public TimeSpan TalkTime { get; internal set; }

    /// <summary>When its last call in the period began; null when it had none.</summary>
    public DateTimeOffset? LastCallAt { get; internal set; }

    public DateTimeOffset After { get; internal set; }

    public DateTimeOffset Before { get; internal set; }

    public override string ToString() => $"{VirtualNumberId} {Title}: {Calls} calls";
}
