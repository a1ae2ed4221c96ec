using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What the cmdlets that read share: -Connection, and the ids asked for on the command line and the
/// pipeline, collected so one call reads its list once whatever the pipeline's length.
/// </summary>
public abstract class LinerListCmdlet : LinerCmdlet
{
    /// <summary>The connection to use instead of the session default.</summary>
    [Parameter]
    [ValidateNotNull]
    public LinerConnection? Connection { get; set; }

    /// <summary>Every id asked for, in order (duplicates kept: they are reported once).</summary>
    internal List<long> RequestedIds { get; } = new();

    /// <summary>True once any id (or an object that stands for ids) was given.</summary>
    internal bool IdsRequested { get; private set; }

    internal void RequestIds(IEnumerable<long>? ids)
    {
        if (ids is not null)
        {
            IdsRequested = true;
            RequestedIds.AddRange(ids);
        }
    }

    /// <summary>An empty pipeline in front means "these items", not "everything": such a call writes nothing.</summary>
    internal bool NothingPiped => MyInvocation.ExpectingInput && !IdsRequested;

    /// <summary>The connection of -Connection, else the session default.</summary>
    internal LinerConnection ResolveConnection() => ResolveConnection(Connection);

    /// <summary>
    /// Each requested id from its detail endpoint, once, as <paramref name="describe"/> makes it; each
    /// one that does not exist is a non-terminating Liner&lt;Thing&gt;NotFound that says how to see what
    /// there is (<paramref name="listAction"/>). Only the items <paramref name="keep"/> says yes to are written.
    /// </summary>
    internal void WriteEachById<T>(Api.LinerClient client, string listAction, Func<T, T>? describe = null, Func<T, bool>? keep = null)
        where T : ApiItem, new()
    {
        var endpoint = Api.Endpoint.Of<T>();
        var seen = new HashSet<long>();
        foreach (var id in RequestedIds)
        {
            if (!seen.Add(id))
            {
                continue;
            }
            if (client.Get<T>(id) is not { } item)
            {
                WriteNotFound(endpoint.NotFoundErrorId, $"The account at {client.Connection.ApiHost} has no {endpoint.ItemName} with id {id}.", id, listAction);
            }
            else if (keep is null || keep(item))
            {
                WriteItem(describe is null ? item : describe(item));
            }
        }
    }

    /// <summary>Reports each id in <paramref name="ids"/> that is not in <paramref name="found"/> once, unless already in <paramref name="reported"/>.</summary>
    internal void WriteMissing(IEnumerable<long> ids, HashSet<long> found, HashSet<long> reported, string errorId, Func<long, string> message, string recommendedAction)
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
