using System;

namespace Liner.PowerShell.Api;

/// <summary>A response body that is JSON but not of the shape the Liner docs describe.</summary>
internal sealed class ResponseShapeException : Exception
{
    public ResponseShapeException(string message)
        : base(message)
    {
    }
}
