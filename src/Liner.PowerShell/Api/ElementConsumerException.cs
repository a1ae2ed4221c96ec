using System;

namespace Liner.PowerShell.Api;

/// <summary>Carries an exception thrown by whoever consumed a streamed element, past the JSON error handling.</summary>
internal sealed class ElementConsumerException : Exception
{
    public ElementConsumerException(Exception inner)
        : base(inner.Message, inner)
    {
    }
}
