using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>Lists the account's custom fields of leads, of orders, or of both: what <c>customValues</c> are keyed by.</summary>
[Cmdlet(VerbsCommon.Get, "LinerCustomField")]
[OutputType(typeof(CustomField))]
public sealed class GetLinerCustomFieldCommand : LinerListCmdlet
{
    #region Parameters

    /// <summary>Leads or Orders (default: both).</summary>
    [Parameter]
    [ValidateSet("Leads", "Orders", IgnoreCase = true)]
    public string? Essence { get; set; }

    /// <summary>Only fields whose title matches one of these (wildcards, case-insensitive).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Title { get; set; }

    #endregion

    protected override void End()
    {
        var client = Client(ResolveConnection());
        var titles = WildcardSet.From(Title);
        foreach (var essence in Essence is null ? new[] { "leads", "orders" } : new[] { Essence.ToLowerInvariant() })
        {
            foreach (var field in client.List<CustomField>(new Query().Add("essence", essence)))
            {
                if (titles is null || titles.Matches(field.Title))
                {
                    WriteItem(field);
                }
            }
        }
    }
}
