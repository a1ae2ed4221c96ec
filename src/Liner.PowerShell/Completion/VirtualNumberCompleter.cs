using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using Liner.PowerShell.Api;
using Liner.PowerShell.Commands;

namespace Liner.PowerShell.Completion;

/// <summary>
/// Completes <c>-Title</c> with the titles, and <c>-Id</c> with the ids (title as tooltip), of the
/// account on the given or default connection. What was read is kept for a few seconds per connection,
/// so pressing Tab again does not ask the server again; the prompt never waits more than
/// <see cref="GiveUpAfter"/> for the server, and nothing is offered when not connected, when the server
/// is slow or when it fails (which is also kept for a few seconds, so Tab does not wait again at once).
/// </summary>
public sealed class VirtualNumberCompleter : IArgumentCompleter
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    /// <summary>How long Tab may wait for the server.</summary>
    internal static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(2);
    private static readonly ConditionalWeakTable<LinerConnection, Snapshot> Cache = new();

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
        var numbers = Numbers(connection);
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return string.Equals(parameterName, "Id", StringComparison.OrdinalIgnoreCase) ? Ids(numbers, typed) : Titles(numbers, typed);
    }

    private static List<CompletionResult> Titles(IReadOnlyList<VirtualNumber> numbers, string typed)
    {
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var results = new List<CompletionResult>();
        foreach (var number in numbers)
        {
            if (number.Title is { Length: > 0 } title && pattern.IsMatch(title) && seen.Add(title))
            {
                results.Add(new CompletionResult(Quote(title), title, CompletionResultType.ParameterValue, $"{number.Id}: {number.Number}"));
            }
        }
        results.Sort((a, b) => string.Compare(a.ListItemText, b.ListItemText, StringComparison.CurrentCultureIgnoreCase));
        return results;
    }

    private static List<CompletionResult> Ids(IReadOnlyList<VirtualNumber> numbers, string typed)
    {
        var results = new List<CompletionResult>();
        foreach (var number in numbers)
        {
            var id = number.Id.ToString(CultureInfo.InvariantCulture);
            if (id.StartsWith(typed, StringComparison.Ordinal))
            {
                var title = string.IsNullOrEmpty(number.Title) ? id : number.Title!;
                results.Add(new CompletionResult(id, $"{id} {number.Title}".TrimEnd(), CompletionResultType.ParameterValue, title));
            }
        }
        return results;
    }

    /// <summary>The account's numbers, from the cache while it is fresh; none when the server fails or is slow.</summary>
    private static IReadOnlyList<VirtualNumber> Numbers(LinerConnection connection)
    {
        if (Cache.TryGetValue(connection, out var cached) && DateTime.UtcNow - cached.Taken < CacheFor)
        {
            return cached.Numbers;
        }
        var numbers = new List<VirtualNumber>();
        using var deadline = new CancellationTokenSource(GiveUpAfter);
        try
        {
            var client = new LinerClient(new ApiContext(connection, ApiStreams.None, deadline.Token, new RetryPolicy(0)));
            numbers.AddRange(client.List<VirtualNumber>());
        }
        catch (Exception error) when (error is LinerApiException or OperationCanceledException)
        {
            numbers.Clear();
        }
        Cache.Remove(connection);
        Cache.Add(connection, new Snapshot(DateTime.UtcNow, numbers));
        return numbers;
    }

    private static LinerConnection? ConnectionOf(IDictionary fakeBoundParameters) =>
        fakeBoundParameters?["Connection"] switch
        {
            LinerConnection connection => connection,
            PSObject { BaseObject: LinerConnection wrapped } => wrapped,
            _ => null,
        };

    private static string Quote(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('-' or '_' or '.' or '+'))
            {
                return "'" + text.Replace("'", "''") + "'";
            }
        }
        return text;
    }

    private sealed class Snapshot
    {
        public Snapshot(DateTime taken, IReadOnlyList<VirtualNumber> numbers)
        {
            Taken = taken;
            Numbers = numbers;
        }

        public DateTime Taken { get; }

        public IReadOnlyList<VirtualNumber> Numbers { get; }
    }
}
