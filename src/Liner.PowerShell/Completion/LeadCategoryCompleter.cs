using System.Collections.Generic;

namespace Liner.PowerShell.Completion;

/// <summary>Offers the three lead status categories the Liner docs name.</summary>
public sealed class LeadCategoryCompleter : KnownValuesCompleter
{
    private static readonly (string Name, string Description)[] KnownCategories =
    {
        ("in-progress", "Leads still being worked"),
        ("qualified", "Leads that qualified"),
        ("disqualified", "Leads that did not qualify"),
    };

    internal override IReadOnlyList<(string Name, string Description)> Values => KnownCategories;
}
