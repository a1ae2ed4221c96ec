using System.Collections.Generic;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>What the status cmdlets share: one unpaged list, filtered by code and title (wildcards).</summary>
public abstract class LinerStatusCmdlet<T> : LinerListCmdlet
    where T : ApiItem, new()
{
    /// <summary>Only statuses whose code matches one of these (wildcards, case-insensitive).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Code { get; set; }

    /// <summary>Only statuses whose title matches one of these (wildcards, case-insensitive).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Title { get; set; }

    internal abstract (string? Code, string? Title) CodeAndTitle(T status);

    /// <summary>Any further filter of the cmdlet's own.</summary>
    internal virtual bool MatchesMore(T status) => true;

    protected override void End()
    {
        var codes = WildcardSet.From(Code);
        var titles = WildcardSet.From(Title);
        foreach (var status in Client(ResolveConnection()).List<T>())
        {
            var (code, title) = CodeAndTitle(status);
            if ((codes is null || codes.Matches(code)) && (titles is null || titles.Matches(title)) && MatchesMore(status))
            {
                WriteItem(status);
            }
        }
    }
}
