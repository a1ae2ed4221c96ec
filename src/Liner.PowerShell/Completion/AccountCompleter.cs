using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using Liner.PowerShell.Api;
using Liner.PowerShell.Commands;

namespace Liner.PowerShell.Completion;

/// <summary>
/// Completes a parameter from a list of the account on the given or default connection. What was read
/// is kept for a few seconds per connection, so pressing Tab again does not ask the server again; the
/// prompt never waits more than <see cref="GiveUpAfter"/> for the server, and nothing is offered when
/// not connected, when the server is slow or when it fails (which is also kept for a few seconds, so
/// Tab does not wait again at once).
/// </summary>
public abstract class AccountCompleter<T> : IArgumentCompleter
    where T : ApiItem, new()
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly ConditionalWeakTable<LinerConnection, Snapshot> Cache = new();

    /// <summary>How long Tab may wait for the server.</summary>
    internal static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(2);

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var connection = ConnectionOf(fakeBoundParameters) ?? LinerSession.Default;
        if (connection is null || !connection.IsOpen)
        {
            return Array.Empty<CompletionResult>();
        }
        return Complete(Items(connection), parameterName, (wordToComplete ?? string.Empty).Trim('\'', '"'));
    }

    /// <summary>The completions for <paramref name="typed"/> among <paramref name="items"/>.</summary>
    internal abstract IEnumerable<CompletionResult> Complete(IReadOnlyList<T> items, string parameterName, string typed);

    /// <summary>The list, as the server is asked for it.</summary>
    internal virtual Query Query => Query.None;

    /// <summary>Text as a completion: quoted when PowerShell would not read it as one word.</summary>
    internal static string Quote(string text) =>
        text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '+') ? text : "'" + text.Replace("'", "''") + "'";

    private IReadOnlyList<T> Items(LinerConnection connection)
    {
        if (Cache.TryGetValue(connection, out var cached) && DateTime.UtcNow - cached.Taken < CacheFor && cached.Items is IReadOnlyList<T> items)
        {
            return items;
        }
        var read = new List<T>();
        using var deadline = new CancellationTokenSource(GiveUpAfter);
        try
        {
            var client = new LinerClient(new ApiContext(connection, ApiStreams.None, deadline.Token, new RetryPolicy(0)));
            read.AddRange(client.List<T>(Query));
        }
        catch (Exception error) when (error is LinerApiException or OperationCanceledException)
        {
            read.Clear();
        }
        Cache.Remove(connection);
        Cache.Add(connection, new Snapshot(DateTime.UtcNow, read));
        return read;
    }

    private static LinerConnection? ConnectionOf(IDictionary fakeBoundParameters) =>
        fakeBoundParameters?["Connection"] switch
        {
            LinerConnection connection => connection,
            PSObject { BaseObject: LinerConnection wrapped } => wrapped,
            _ => null,
        };

    private sealed class Snapshot
    {
        public Snapshot(DateTime taken, object items)
        {
            Taken = taken;
            Items = items;
        }

        public DateTime Taken { get; }

        public object Items { get; }
    }
}
