using System.Collections.Generic;

namespace Liner.PowerShell.Completion;

/// <summary>Offers the connection types the Liner docs name; any other value is still accepted.</summary>
public sealed class ConnectionTypeCompleter : KnownValuesCompleter
{
    internal static readonly (string Name, string Description)[] KnownTypes =
    {
        ("pstn", "A phone number on the public telephone network"),
        ("sip-reg", "SIP with registration"),
        ("sip-wo-reg", "SIP without registration"),
    };

    internal override IReadOnlyList<(string Name, string Description)> Values => KnownTypes;
}
