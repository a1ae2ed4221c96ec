using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace Liner.PowerShell.Completion;

/// <summary>Completes <c>-Title</c> with the account's titles, and <c>-Id</c> with its ids (the title as tooltip).</summary>
public sealed class VirtualNumberCompleter : AccountCompleter<VirtualNumber>
{
    internal override IEnumerable<CompletionResult> Complete(IReadOnlyList<VirtualNumber> numbers, string parameterName, string typed) =>
        string.Equals(parameterName, "Id", StringComparison.OrdinalIgnoreCase) ? Ids(numbers, typed) : Titles(numbers, typed);

    private static List<CompletionResult> Titles(IReadOnlyList<VirtualNumber> numbers, string typed)
    {
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var results = new List<CompletionResult>();
        foreach (var number in numbers)
        {
            if (number.Title is { Length: > 0 } title && pattern.IsMatch(title) && seen.Add(title))
            {
                results.Add(new CompletionResult(Quote(title), title, CompletionResultType.ParameterValue, $"{number.Id}: {number.Number}"));
            }
        }
        results.Sort((a, b) => string.Compare(a.ListItemText, b.ListItemText, StringComparison.CurrentCultureIgnoreCase));
        return results;
    }

    private static List<CompletionResult> Ids(IReadOnlyList<VirtualNumber> numbers, string typed)
    {
        var results = new List<CompletionResult>();
        foreach (var number in numbers)
        {
            var id = number.Id.ToString(CultureInfo.InvariantCulture);
            if (id.StartsWith(typed, StringComparison.Ordinal))
            {
                var title = string.IsNullOrEmpty(number.Title) ? id : number.Title!;
                results.Add(new CompletionResult(id, $"{id} {number.Title}".TrimEnd(), CompletionResultType.ParameterValue, title));
            }
        }
        return results;
    }
}
