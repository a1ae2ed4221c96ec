using System.Collections.Generic;

namespace Liner.PowerShell;

/// <summary>What <c>GET /v1/health/check/</c> said about the Liner API behind a connection.</summary>
[Formatting.Rehydrate]
public sealed class HealthReport
{
    public string ApiHost { get; internal set; } = string.Empty;

    /// <summary>True when the API and every one of its components report success.</summary>
    public bool Success { get; internal set; }

    /// <summary>The envelope's <c>message</c>, when there is one.</summary>
    public string? Message { get; internal set; }

    public IReadOnlyList<HealthComponent> Components { get; internal set; } = new HealthComponent[0];

    public override string ToString() => $"{ApiHost}: {(Success ? "healthy" : "unhealthy")}";
}
