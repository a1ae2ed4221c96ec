using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What the cmdlets that change the account share. Each pipeline object (or the command line alone) is
/// one item: its body holds only the fields the user gave for it, ShouldProcess is asked for it just
/// before it is queued, and its request runs on one of at most <see cref="ThrottleLimit"/> workers. The
/// outcomes come back in input order: what each wrote, or a non-terminating error whose target is the
/// item as it came (a CSV row), so <c>$errors.TargetObject | Export-Csv failed.csv</c> re-runs exactly the
/// failures while the other items go on.
/// </summary>
/// <remarks>
/// A field is given for an item when it was bound on the command line (then <c>$false</c>, <c>0</c>,
/// <c>''</c> and <c>$null</c> are sent on purpose: the API clears a field on "" or null), or when the
/// piped object has a property of that name (or an alias) with a value that is not empty: an empty CSV
/// cell is no value. To a cmdlet that changes items (<see cref="ChangesExistingItems"/>), a piped object
/// of the module's own (a Lead, a Call) gives only its id: its other properties are what the account
/// holds already, not changes. Parameters that bind from the pipeline carry no validation attributes
/// that a null or an odd value of such an object would fail: <see cref="CheckRange"/> checks given values.
/// </remarks>
public abstract class LinerWriteCmdlet : LinerCmdlet
{
    private readonly HashSet<string> _commandLine = new(StringComparer.OrdinalIgnoreCase);
    private OrderedWorkers<Pending, object?>? _workers;
    private LinerClient? _client;
    private ReadProgress? _progress;

    /// <summary>The connection to use instead of the session default.</summary>
    [Parameter]
    [ValidateNotNull]
    public LinerConnection? Connection { get; set; }

    /// <summary>How many requests may be on their way at once (the cmdlets that offer -ThrottleLimit bind it).</summary>
    internal virtual int Throttle => 1;

    /// <summary>True for cmdlets that change existing items: a piped object of the module's own gives only its id.</summary>
    internal virtual bool ChangesExistingItems => true;

    /// <summary>The pipeline object of the item now being processed (bound by the derived cmdlet), or null.</summary>
    internal virtual object? CurrentInput => null;

    /// <summary>What the progress bar calls the items.</summary>
    internal abstract string ItemNoun { get; }

    /// <summary>How many items came so far (1 for the first): the row number of a CSV.</summary>
    internal int ItemNumber { get; private set; }

    internal LinerClient Api => _client ??= Client(ResolveConnection(Connection));

    protected sealed override void Begin()
    {
        foreach (var name in MyInvocation.BoundParameters.Keys)
        {
            _commandLine.Add(name);
        }
        _progress = NewProgress($"{MyInvocation.MyCommand.Name}", ItemNoun);
        BeginWrites();
    }

    protected sealed override void Process()
    {
        ItemNumber++;
        ProcessItem();
        WriteFinished(all: false);
    }

    protected sealed override void End()
    {
        EndItems();
        WriteFinished(all: true);
        _progress?.Complete();
        EndWrites();
    }

    private protected override void Release() => _workers?.Dispose();

    /// <summary>Before the first item.</summary>
    internal virtual void BeginWrites()
    {
    }

    /// <summary>One item: check it, build its body, ask ShouldProcess, then <see cref="Queue"/> it.</summary>
    internal abstract void ProcessItem();

    /// <summary>After the last item, before the outcomes still on their way are written (a write of them all at once).</summary>
    internal virtual void EndItems()
    {
    }

    /// <summary>After every outcome was written (a summary).</summary>
    internal virtual void EndWrites()
    {
    }

    /// <summary>
    /// Whether <paramref name="parameter"/> was given for this item: on the command line, or by a
    /// property of the piped object (not one of the module's own) with a value that is not empty.
    /// </summary>
    internal bool Given(string parameter)
    {
        if (_commandLine.Contains(parameter))
        {
            return true;
        }
        if (!MyInvocation.BoundParameters.ContainsKey(parameter) || CurrentInput is not { } input)
        {
            return false;
        }
        var piped = input is PSObject wrapped ? wrapped : PSObject.AsPSObject(input);
        if (piped.BaseObject is ApiItem && ChangesExistingItems)
        {
            return false;
        }
        var property = GetType().GetProperty(parameter);
        var names = new List<string> { parameter };
        if (property?.GetCustomAttribute<AliasAttribute>() is { } aliases)
        {
            names.AddRange(aliases.AliasNames);
        }
        foreach (var name in names)
        {
            if (piped.Properties[name] is { } found && !IsEmpty(found.Value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether the given value of <paramref name="parameter"/> is within <paramref name="minimum"/> to
    /// <paramref name="maximum"/>; else <paramref name="why"/> says what is wrong (for the item's error).
    /// </summary>
    internal bool CheckRange(string parameter, int? value, int minimum, int maximum, out string? why)
    {
        why = Given(parameter) && value is { } number && (number < minimum || number > maximum)
            ? $"-{parameter} is {number}, outside {minimum} to {maximum}"
            : null;
        return why is null;
    }

    /// <summary>The body of the fields given for this item: every <see cref="ApiBodyAttribute"/> parameter that <see cref="Given"/> says yes to.</summary>
    internal JsonBody GivenBody()
    {
        var body = new JsonBody();
        foreach (var property in GetType().GetProperties())
        {
            if (property.GetCustomAttribute<ApiBodyAttribute>() is { } field && Given(property.Name))
            {
                body.Set(field.Name, Spelled(property, Plain(property.GetValue(this))));
            }
        }
        return body;
    }

    /// <summary>Queues the request of one item; its outcome is written in input order by <paramref name="written"/> or as <paramref name="failed"/>'s error.</summary>
    internal void Queue(object target, Func<LinerClient, ApiStreams, object?> request, Action<object?> written, Func<Exception, ErrorRecord> failed)
    {
        var client = Api;
        _workers ??= new OrderedWorkers<Pending, object?>(Throttle, (item, streams) => item.Request(client.WithStreams(streams), streams), StopToken);
        _workers.Add(new Pending(target, request, written, failed));
    }

    /// <summary>
    /// The target of this item's error: the piped object as it came, else <paramref name="id"/>. A piped
    /// object of the module's own that is not a <typeparamref name="T"/> names the item only by its
    /// <paramref name="idProperty"/> (a call's LeadId), which replaces <paramref name="id"/>: PowerShell bound
    /// its own Id. Without such a property it is refused, and false returned after its error was written
    /// (a user piped to Set-LinerAgentGroup): nothing is sent for it.
    /// </summary>
    internal bool TargetOf<T>(ref long id, out object target, string? idProperty = null)
        where T : ApiItem
    {
        var input = CurrentInput;
        target = input ?? id;
        var item = input is PSObject wrapped ? wrapped.BaseObject : input;
        if (item is not ApiItem || item is T)
        {
            return true;
        }
        if (idProperty is not null && PSObject.AsPSObject(item).Properties[idProperty]?.Value is long named)
        {
            id = named;
            return true;
        }
        var cmdlet = MyInvocation.MyCommand.Name;
        var message = idProperty is null
            ? $"{cmdlet} takes {ItemNoun}, not a {item.GetType().Name} ({item}): nothing was sent for it."
            : $"{cmdlet} takes {ItemNoun} or objects with a {idProperty}, and this {item.GetType().Name} ({item}) has none: nothing was sent for it.";
        Refuse(LinerApiException.CreateErrorRecord(
            new ArgumentException(message),
            LinerErrorIds.UnexpectedInput,
            ErrorCategory.InvalidArgument,
            target,
            $"Pipe {ItemNoun} to {cmdlet}, or give -Id."));
        return false;
    }

    /// <summary>
    /// Whether to send the update of <paramref name="label"/>: not when no field was given (said with
    /// -Verbose), nor when ShouldProcess says no. <paramref name="action"/> defaults to the fields' names.
    /// </summary>
    internal bool ShouldUpdate(string label, JsonBody body, string? action = null)
    {
        if (body.Count == 0)
        {
            WriteVerbose($"{label}: nothing to change (no field was given).");
            return false;
        }
        return ShouldProcess(label, action ?? $"Set {string.Join(", ", body.Names)}");
    }

    /// <summary>
    /// Queues the partial update of one <typeparamref name="T"/> when <see cref="ShouldUpdate"/> says so.
    /// With <paramref name="passThru"/> the item is read back and written (as <paramref name="describe"/>
    /// makes it). A failure is <see cref="UpdateError{T}"/>, carrying the item as it came.
    /// </summary>
    internal void QueueUpdate<T>(long id, string label, JsonBody body, object target, bool passThru, string notUpdatedId, string listAction, Func<T, T>? describe = null, string? action = null)
        where T : ApiItem, new()
    {
        if (!ShouldUpdate(label, body, action))
        {
            return;
        }
        Queue(
            target,
            (client, _) =>
            {
                client.Update<T>(id, body);
                return passThru ? client.Get<T>(id) : null;
            },
            item =>
            {
                if (item is T changed)
                {
                    WriteItem(describe is null ? changed : describe(changed));
                }
            },
            error => UpdateError<T>(error, label, target, notUpdatedId, listAction));
    }

    /// <summary>The error of an update of a <typeparamref name="T"/>: a missing item is a Liner&lt;Thing&gt;NotFound, any other failure <paramref name="notUpdatedId"/>.</summary>
    internal ErrorRecord UpdateError<T>(Exception error, string label, object target, string notUpdatedId, string listAction)
        where T : ApiItem =>
        error is LinerApiException { StatusCode: 404 }
            ? ItemError(error, Endpoint.Of<T>().NotFoundErrorId, $"{label} was not changed: ", target, listAction)
            : ItemError(error, notUpdatedId, $"{label} was not changed: ", target, "Correct the values (Liner's message says what it refused) and send the item again.");

    /// <summary>An item refused before anything was sent: its error takes its turn among the outcomes of the items before it.</summary>
    internal void Refuse(ErrorRecord record)
    {
        if (_workers is not { Pending: > 0 } workers)
        {
            WriteError(record);
            return;
        }
        workers.AddFailed(new Pending(record.TargetObject ?? string.Empty, (_, _) => null, _ => { }, _ => record), new InvalidOperationException(record.Exception.Message));
    }

    /// <summary>The error of one item that was not written, with the item as it came as its target.</summary>
    internal ErrorRecord ItemError(Exception error, string errorId, string prefix, object target, string? recommendedAction = null) => error switch
    {
        LinerApiException api => api.For(prefix, errorId, recommendedAction).ToErrorRecord(target),
        _ => LinerApiException.CreateErrorRecord(new InvalidOperationException(prefix + error.Message, error), errorId, ErrorCategory.WriteError, target, recommendedAction),
    };

    private void WriteFinished(bool all)
    {
        if (_workers is null)
        {
            return;
        }
        foreach (var done in _workers.Finished(all, Api.Api.Streams, _ => _progress?.Add(0)))
        {
            _progress?.Add();
            if (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            if (done.Error is { } error)
            {
                if (error is OperationCanceledException && StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                WriteError(done.Input.Failed(error));
            }
            else
            {
                done.Input.Written(done.Result);
            }
        }
    }

    /// <summary>A value of a closed set as the set spells it: ValidateSet ignores case, the API does not ('Info' is sent as 'info').</summary>
    private static object? Spelled(PropertyInfo property, object? value) =>
        value is string text && property.GetCustomAttribute<ValidateSetAttribute>() is { } set
            ? set.ValidValues.FirstOrDefault(valid => string.Equals(valid, text, StringComparison.OrdinalIgnoreCase)) ?? text
            : value;

    private static bool IsEmpty(object? value) =>
        (value is PSObject wrapped ? wrapped.BaseObject : value) switch
        {
            null => true,
            string text => text.Trim().Length == 0,
            _ => false,
        };

    /// <summary>A parameter's value as the body takes it: switches as booleans, wrapped objects unwrapped.</summary>
    private static object? Plain(object? value) => value switch
    {
        SwitchParameter flag => flag.IsPresent,
        PSObject wrapped => wrapped.BaseObject,
        _ => value,
    };

    private sealed class Pending
    {
        public Pending(object target, Func<LinerClient, ApiStreams, object?> request, Action<object?> written, Func<Exception, ErrorRecord> failed)
        {
            Target = target;
            Request = request;
            Written = written;
            Failed = failed;
        }

        public object Target { get; }

        public Func<LinerClient, ApiStreams, object?> Request { get; }

        public Action<object?> Written { get; }

        public Func<Exception, ErrorRecord> Failed { get; }
    }
}
