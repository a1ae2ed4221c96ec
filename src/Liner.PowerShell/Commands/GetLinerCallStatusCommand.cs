using System.Management.Automation;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>Lists the statuses a call can end with, filtered by code and title (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "LinerCallStatus")]
[OutputType(typeof(CallStatus))]
public sealed class GetLinerCallStatusCommand : LinerListCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Code { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Title { get; set; }

    protected override void EndProcessing()
    {
        var codes = WildcardSet.From(Code);
        var titles = WildcardSet.From(Title);
        Run(ResolveConnection(Connection), client =>
        {
            foreach (var status in client.CallStatuses())
            {
                if ((codes is null || codes.Matches(status.Code)) && (titles is null || titles.Matches(status.Title)))
                {
                    WriteItem(status);
                }
            }
        });
    }
}
