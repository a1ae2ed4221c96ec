using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Liner.PowerShell.Completion;

/// <summary>Offers the connection types the Liner docs name; any other value is still accepted.</summary>
public sealed class ConnectionTypeCompleter : IArgumentCompleter
{
    internal static readonly (string Name, string Description)[] KnownTypes =
    {
        ("pstn", "A phone number on the public telephone network"),
        ("sip-reg", "SIP with registration"),
        ("sip-wo-reg", "SIP without registration"),
    };

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        foreach (var (name, description) in KnownTypes)
        {
            if (pattern.IsMatch(name))
            {
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, description);
            }
        }
    }
}
