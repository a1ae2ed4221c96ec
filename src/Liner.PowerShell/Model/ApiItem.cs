using System.Collections.Generic;

namespace Liner.PowerShell;

/// <summary>What every object read from a Liner list shares: the fields the API sent that its class does not know.</summary>
public abstract class ApiItem
{
    private static readonly KeyValuePair<string, object?>[] NoExtraFields = new KeyValuePair<string, object?>[0];

    /// <summary>Fields the API sent that the class does not know; cmdlets add each as a property of the written object.</summary>
    internal IReadOnlyList<KeyValuePair<string, object?>> ExtraFields { get; set; } = NoExtraFields;
}
