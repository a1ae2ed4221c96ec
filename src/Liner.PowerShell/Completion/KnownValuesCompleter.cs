using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Liner.PowerShell.Completion;

/// <summary>Completes a parameter with the values the Liner docs name, each with its meaning as tooltip.</summary>
public abstract class KnownValuesCompleter : IArgumentCompleter
{
    internal abstract IReadOnlyList<(string Name, string Description)> Values { get; }

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        foreach (var (name, description) in Values)
        {
            if (pattern.IsMatch(name))
            {
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, description);
            }
        }
    }
}
