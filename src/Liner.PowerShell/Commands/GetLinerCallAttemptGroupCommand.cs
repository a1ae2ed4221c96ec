using System.Management.Automation;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>Lists the account's call-attempt schemes, or schemes by id (each from its detail endpoint).</summary>
[Cmdlet(VerbsCommon.Get, "LinerCallAttemptGroup")]
[OutputType(typeof(CallAttemptGroup))]
public sealed class GetLinerCallAttemptGroupCommand : LinerListCmdlet
{
    #region Parameters

    /// <summary>Only the schemes with these ids; also ids from the pipeline, or a CallAttemptGroupId property of piped objects (orders).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CallAttemptGroupId")]
    public long[]? Id { get; set; }

    /// <summary>Only schemes whose title matches one of these (wildcards, case-insensitive).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Title { get; set; }

    /// <summary>Only the default scheme.</summary>
    [Parameter]
    public SwitchParameter Default { get; set; }

    #endregion

    protected override void Process() => RequestIds(Id);

    protected override void End()
    {
        if (NothingPiped)
        {
            return;
        }
        var client = Client(ResolveConnection());
        var titles = WildcardSet.From(Title);
        bool Keep(CallAttemptGroup scheme) => (titles is null || titles.Matches(scheme.Title)) && (!Default || scheme.IsDefault);
        if (IdsRequested)
        {
            WriteEachById<CallAttemptGroup>(client, ListAction, keep: Keep);
            return;
        }
        foreach (var scheme in client.List<CallAttemptGroup>())
        {
            if (Keep(scheme))
            {
                WriteItem(scheme);
            }
        }
    }

    internal const string ListAction = "Run Get-LinerCallAttemptGroup to list the call-attempt schemes the account has.";
}
