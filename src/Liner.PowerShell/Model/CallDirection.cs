using System;

namespace Liner.PowerShell;

/// <summary>Which calls a virtual number takes: the API's <c>incoming</c> and <c>outgoing</c> flags as one value.</summary>
[Flags]
public enum CallDirection
{
    None = 0,
    Incoming = 1,
    Outgoing = 2,
    Both = Incoming | Outgoing,
}
