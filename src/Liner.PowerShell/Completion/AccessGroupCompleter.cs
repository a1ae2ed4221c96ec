using System.Collections.Generic;

namespace Liner.PowerShell.Completion;

/// <summary>Offers the six access groups the Liner docs name; any other value is still accepted.</summary>
public sealed class AccessGroupCompleter : KnownValuesCompleter
{
    internal static readonly (string Name, string Description)[] KnownGroups =
    {
        ("client", "The account's own staff (the client side)"),
        ("call-center", "Agents who make and take calls"),
        ("call-center-senior", "Senior agents"),
        ("arbitration", "Arbitration"),
        ("moderator", "Moderators"),
        ("admin", "Administrators"),
    };

    internal override IReadOnlyList<(string Name, string Description)> Values => KnownGroups;
}
