using System;

namespace Liner.PowerShell.Formatting;

/// <summary>
/// A column of the type's default table: its place, its width (0: it shares what a wider host has
/// left), and how it shows the property. Times (DateTimeOffset) show in local time to the minute, or
/// in <see cref="TimeFormat"/>. Every table must fit 80 columns with whole headers, which the build's
/// view test checks for every type.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TableColumnAttribute : Attribute
{
    public TableColumnAttribute(int order, int width = 0)
    {
        Order = order;
        Width = width;
    }

    public int Order { get; }

    public int Width { get; }

    /// <summary>Right-aligned (numbers, durations).</summary>
    public bool Right { get; set; }

    /// <summary>A time's format (default: to the minute).</summary>
    public string TimeFormat { get; set; } = "yyyy-MM-dd HH:mm";

    /// <summary>A script block that shows the column instead of the property, with <c>$_</c> the object.</summary>
    public string? Script { get; set; }

    /// <summary>A .NET format string for the value, as <c>{0:...}</c>.</summary>
    public string? FormatString { get; set; }
}

/// <summary>The type's table wraps long values inside their column instead of cutting them.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class WrapTableAttribute : Attribute
{
}

/// <summary>
/// A data class that comes back as itself after Start-Job, remoting or Import-Clixml (every
/// <see cref="ApiItem"/> does; others say so with this).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RehydrateAttribute : Attribute
{
}
