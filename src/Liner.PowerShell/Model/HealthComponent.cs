using System;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>One component of the Liner health check, such as <c>linerMicroRabbit</c>.</summary>
[Rehydrate]
public sealed class HealthComponent
{
    [TableColumn(1, 26)]
    public string Name { get; internal set; } = string.Empty;

    [TableColumn(2, 7)]
    public bool Success { get; internal set; }

    [TableColumn(5)]
    public string? Message { get; internal set; }

    /// <summary>The component's <c>executionTime</c>, which the API sends in seconds.</summary>
    [TableColumn(3, 13, Right = true, Script = "if ($null -ne $_.ExecutionTime) { '{0:0.#} ms' -f $_.ExecutionTime.TotalMilliseconds }")]
    public TimeSpan? ExecutionTime { get; internal set; }

    /// <summary>The component's <c>reasonPhrase</c>, such as <c>Ok</c>.</summary>
    [TableColumn(4, 12)]
    public string? ReasonPhrase { get; internal set; }

    /// <summary>Everything the component's <c>data</c> object held, queue consumers included.</summary>
    public ApiObject Data { get; internal set; } = new ApiObject();

    public override string ToString() => $"{Name}: {(Success ? "ok" : "failed")}";
}
