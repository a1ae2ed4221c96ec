using System.Collections.Generic;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>Lists the statuses a lead can have, filtered by code, title and category (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "LinerLeadStatus")]
[OutputType(typeof(LeadStatus))]
public sealed class GetLinerLeadStatusCommand : LinerStatusCmdlet<LeadStatus>
{
    private WildcardSet? _categories;

    /// <summary>in-progress, qualified or disqualified (wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LeadCategoryCompleter))]
    public string[]? Category { get; set; }

    protected override void Begin() => _categories = WildcardSet.From(Category);

    internal override (string? Code, string? Title) CodeAndTitle(LeadStatus status) => (status.Code, status.Title);

    internal override bool MatchesMore(LeadStatus status) => _categories is null || _categories.Matches(status.Category);
}
