using System.Collections.Generic;

namespace Liner.PowerShell.Completion;

/// <summary>Offers the two call directions the Liner docs name.</summary>
public sealed class CallDirectionCompleter : KnownValuesCompleter
{
    private static readonly (string Name, string Description)[] KnownDirections =
    {
        ("incoming", "Calls the number received"),
        ("outgoing", "Calls made from the number"),
    };

    internal override IReadOnlyList<(string Name, string Description)> Values => KnownDirections;
}
