using System.Collections.Generic;
using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What the cmdlets that read a list share: -Connection, and the ids collected from the command line
/// and the pipeline, so one call reads its list once whatever the pipeline's length.
/// </summary>
public abstract class LinerListCmdlet : LinerCmdlet
{
    /// <summary>The connection to use instead of the session default.</summary>
    [Parameter]
    [ValidateNotNull]
    public LinerConnection? Connection { get; set; }

    /// <summary>Every id given, in order (duplicates kept: they are reported once).</summary>
    internal List<long> Ids { get; } = new();

    /// <summary>True once any id (or an object that stands for ids) was given.</summary>
    internal bool IdsGiven { get; private set; }

    internal void AddIds(IEnumerable<long>? ids)
    {
        if (ids is not null)
        {
            IdsGiven = true;
            Ids.AddRange(ids);
        }
    }

    /// <summary>An empty pipeline in front means "these items", not "everything": such a call writes nothing.</summary>
    internal bool NothingPiped => MyInvocation.ExpectingInput && !IdsGiven;

    /// <summary>Reports each id in <paramref name="ids"/> that is not in <paramref name="found"/> once, unless already in <paramref name="reported"/>.</summary>
    internal void WriteMissing(IEnumerable<long> ids, HashSet<long> found, HashSet<long> reported, string errorId, System.Func<long, string> message, string recommendedAction)
    {
        foreach (var id in ids)
        {
            if (!found.Contains(id) && reported.Add(id))
            {
                WriteNotFound(errorId, message(id), id, recommendedAction);
            }
        }
    }
}
