using System.Management.Automation;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>Lists the statuses a lead can have, filtered by code, title and category (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "LinerLeadStatus")]
[OutputType(typeof(LeadStatus))]
public sealed class GetLinerLeadStatusCommand : LinerListCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Code { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Title { get; set; }

    /// <summary>in-progress, qualified or disqualified (wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.LeadCategoryCompleter))]
    public string[]? Category { get; set; }

    protected override void EndProcessing()
    {
        var codes = WildcardSet.From(Code);
        var titles = WildcardSet.From(Title);
        var categories = WildcardSet.From(Category);
        Run(ResolveConnection(Connection), client =>
        {
            foreach (var status in client.LeadStatuses())
            {
                if ((codes is null || codes.Matches(status.Code)) && (titles is null || titles.Matches(status.Title)) && (categories is null || categories.Matches(status.Category)))
                {
                    WriteItem(status);
                }
            }
        });
    }
}
