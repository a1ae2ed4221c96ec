using System.Collections.Generic;

namespace Liner.PowerShell.Completion;

/// <summary>Offers the two lead types the Liner docs name.</summary>
public sealed class LeadTypeCompleter : KnownValuesCompleter
{
    private static readonly (string Name, string Description)[] KnownTypes =
    {
        ("Straight", "A lead called as it is (the default)"),
        ("Selection", "A lead to select from"),
    };

    internal override IReadOnlyList<(string Name, string Description)> Values => KnownTypes;
}
