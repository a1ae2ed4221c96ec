using System;
using System.Globalization;

namespace Liner.PowerShell;

/// <summary>One window of an order's call schedule: the API's <c>["HH:MM", "HH:MM"]</c> pair.</summary>
[Formatting.Rehydrate]
public sealed class CallWindow
{
    public CallWindow(TimeSpan start, TimeSpan end)
    {
        Start = start;
        End = end;
    }

    // For rehydration after a job or Import-Clixml.
    internal CallWindow()
    {
    }

    public TimeSpan Start { get; internal set; }

    public TimeSpan End { get; internal set; }

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan time) =>
        $"{(int)time.TotalHours:00}:{time.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
}
