using System;

namespace Liner.PowerShell;

/// <summary>One component of the Liner health check, such as <c>linerMicroRabbit</c>.</summary>
public sealed class HealthComponent
{
    public string Name { get; internal set; } = string.Empty;

    public bool Success { get; internal set; }

    public string? Message { get; internal set; }

    /// <summary>The component's <c>executionTime</c>, which the API sends in seconds.</summary>
    public TimeSpan? ExecutionTime { get; internal set; }

    /// <summary>The component's <c>reasonPhrase</c>, such as <c>Ok</c>.</summary>
    public string? ReasonPhrase { get; internal set; }

    /// <summary>Everything the component's <c>data</c> object held, queue consumers included.</summary>
    public ApiObject Data { get; internal set; } = new ApiObject();

    public override string ToString() => $"{Name}: {(Success ? "ok" : "failed")}";
}
