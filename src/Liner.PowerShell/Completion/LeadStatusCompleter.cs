using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Liner.PowerShell.Completion;

/// <summary>Completes a lead status parameter with the codes of the account's lead statuses (title and category as tooltip).</summary>
public sealed class LeadStatusCompleter : AccountCompleter<LeadStatus>
{
    internal override IEnumerable<CompletionResult> Complete(IReadOnlyList<LeadStatus> statuses, string parameterName, string typed)
    {
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        return statuses
            .Where(status => status.Code is { } code && pattern.IsMatch(code))
            .Select(status => new CompletionResult(Quote(status.Code!), status.Code, CompletionResultType.ParameterValue, $"{status.Title} ({status.Category})"));
    }
}
