using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What every Liner cmdlet shares: finding its connection, a client for the API, Ctrl+C, progress,
/// -First/-Skip/-IncludeTotalCount, and failures that scripts can stop on.
/// </summary>
/// <remarks>
/// A failure that leaves no trustworthy result is written with WriteError and then ends the cmdlet
/// (<see cref="Fail(ErrorRecord)"/>): so it obeys -ErrorAction and $ErrorActionPreference like any
/// error (Stop ends the script and makes <c>pwsh -File</c> exit non-zero; SilentlyContinue silences it;
/// -ErrorVariable gets it), and the cmdlet writes nothing more. ThrowTerminatingError would end only the
/// statement, whatever -ErrorAction says. Cmdlets override <see cref="Begin"/>, <see cref="Process"/> and
/// <see cref="End"/>; an API failure that escapes them fails the cmdlet this way.
/// </remarks>
public abstract class LinerCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private bool _failed;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    internal CancellationToken StopToken => _stopping.Token;

    /// <summary>The connection whose API host names a failure that has no target of its own.</summary>
    private protected LinerConnection? CurrentConnection { get; private set; }

    protected sealed override void BeginProcessing() => Guard(Begin);

    protected sealed override void ProcessRecord() => Guard(Process);

    protected sealed override void EndProcessing() => Guard(End);

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Before the first pipeline object.</summary>
    protected virtual void Begin()
    {
    }

    /// <summary>Once per pipeline object (once when nothing is piped).</summary>
    protected virtual void Process()
    {
    }

    /// <summary>After the last pipeline object.</summary>
    protected virtual void End()
    {
    }

    /// <summary>PowerShell disposes a cmdlet when its pipeline ends, however it ends: a failure under -ErrorAction Stop too.</summary>
    public void Dispose()
    {
        Release();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Lets go of what the cmdlet holds (work not yet started is never started).</summary>
    private protected virtual void Release()
    {
    }

    /// <summary>Writes <paramref name="record"/> as an error and ends the cmdlet: nothing more is written.</summary>
    internal void Fail(ErrorRecord record)
    {
        _failed = true;
        WriteError(record);
        throw new CmdletFailed();
    }

    /// <summary>Ends the cmdlet with an error whose message is the exception's and which says what to do.</summary>
    internal void Fail(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null) =>
        Fail(LinerApiException.CreateErrorRecord(exception, errorId, category, target, recommendedAction));

    /// <summary>A non-terminating "not found" for one item among many, saying how to see what there is.</summary>
    internal void WriteNotFound(string errorId, string message, object target, string recommendedAction) =>
        WriteError(NotFound(errorId, message, target, recommendedAction));

    internal static ErrorRecord NotFound(string errorId, string message, object target, string recommendedAction) =>
        LinerApiException.CreateErrorRecord(new ItemNotFoundException(message), errorId, ErrorCategory.ObjectNotFound, target, recommendedAction);

    /// <summary>The connection given, else the session default; a failure when there is none or it was closed.</summary>
    internal LinerConnection ResolveConnection(LinerConnection? given)
    {
        var connection = given ?? LinerSession.Default;
        if (connection is null)
        {
            Fail(
                new InvalidOperationException("You are not connected to Liner. Run Connect-Liner first, or pass a connection with -Connection."),
                LinerErrorIds.NotConnected,
                ErrorCategory.ConnectionError,
                null,
                "Run Connect-Liner -ApiHost <host> -ApiKey <key>, or set LINER_API_HOST and LINER_API_KEY and run Connect-Liner.");
        }
        if (!connection!.IsOpen)
        {
            Fail(
                new InvalidOperationException($"The connection to {connection.ApiHost} was closed by Disconnect-Liner."),
                LinerErrorIds.ConnectionClosed,
                ErrorCategory.InvalidOperation,
                connection,
                "Run Connect-Liner again and use the new connection.");
        }
        CurrentConnection = connection;
        return connection;
    }

    /// <summary>A client for <paramref name="connection"/> whose requests report to this cmdlet's streams and stop with Ctrl+C.</summary>
    internal LinerClient Client(LinerConnection connection, int? maximumRetryCount = null)
    {
        CurrentConnection = connection;
        var streams = new ApiStreams(WriteVerbose, WriteDebug, (status, percent) => WriteProgress(ApiProgress(status, percent)));
        return new LinerClient(new ApiContext(connection, streams, StopToken, new RetryPolicy(maximumRetryCount ?? connection.MaximumRetryCount)));
    }

    /// <summary>Writes an item read from the API, with a property for each field its class does not know.</summary>
    internal void WriteItem(ApiItem item) => WriteObject(ExtraFields.Attach(item, item.ExtraFields));

    /// <summary>The query parameters of the bound parameters that carry <see cref="ApiQueryAttribute"/>.</summary>
    internal Query BoundQuery()
    {
        var query = new Query();
        foreach (var property in GetType().GetProperties())
        {
            if (property.GetCustomAttribute<ApiQueryAttribute>() is { } api && MyInvocation.BoundParameters.TryGetValue(property.Name, out var value))
            {
                query.AddValue(api.Name, value);
            }
        }
        return query;
    }

    internal bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    /// <summary>-Skip, for a paged list that nothing filters here: the server starts there.</summary>
    internal long ServerSkip => (long)Math.Min(PagingParameters?.Skip ?? 0, long.MaxValue);

    /// <summary>
    /// Writes <paramref name="items"/> that <paramref name="keep"/> lets through, honouring -Skip, -First and
    /// -IncludeTotalCount. Once -First is met the read stops (no further page is asked for), unless
    /// -IncludeTotalCount needs the rest: the total is the server's when nothing is filtered here and it
    /// sent one, else the items are counted to the end without being written. True when the whole list
    /// was read. <paramref name="skippedByServer"/>: the list already starts that far in (a paged list
    /// asked for at offset -Skip, when nothing is filtered here).
    /// </summary>
    internal bool WritePaged<T>(IEnumerable<T> items, Func<T, bool>? keep = null, Func<long?>? serverTotal = null, ReadProgress? progress = null, ulong skippedByServer = 0)
        where T : ApiItem
    {
        var paging = PagingParameters;
        var skip = paging?.Skip ?? 0;
        var first = paging?.First ?? ulong.MaxValue;
        var counting = paging?.IncludeTotalCount == true;
        ulong matched = skippedByServer;
        ulong? total = null;
        var whole = first > 0 || counting;
        if (whole)
        {
            foreach (var item in items)
            {
                progress?.Add();
                if (keep is not null && !keep(item))
                {
                    continue;
                }
                if (++matched <= skip)
                {
                    continue;
                }
                if (matched - skip <= first)
                {
                    WriteItem(item);
                }
                if (matched - skip >= first)
                {
                    if (!counting)
                    {
                        whole = false;
                        break;
                    }
                    if (keep is null && serverTotal?.Invoke() is { } told)
                    {
                        total = (ulong)Math.Max(0, told);
                        whole = false;
                        break;
                    }
                }
            }
        }
        progress?.Complete();
        if (counting)
        {
            WriteObject(paging!.NewTotalCount(total ?? matched, 1.0));
        }
        return whole;
    }

    /// <summary>One progress bar per cmdlet for a long read, its id derived from the cmdlet's name.</summary>
    internal ReadProgress NewProgress(string activity, string noun) => new(this, ProgressId + 1, activity, noun);

    // Ids derived from the cmdlet, so two Liner cmdlets in one pipeline never share a bar.
    private int ProgressId => 0x4C0000 + ((MyInvocation.MyCommand?.Name.GetHashCode() ?? 0) & 0xFFF0);

    private ProgressRecord ApiProgress(string? status, int percent) => new(ProgressId, "Liner API", status ?? "Done")
    {
        PercentComplete = percent,
        RecordType = status is null ? ProgressRecordType.Completed : ProgressRecordType.Processing,
    };

    private void Guard(Action step)
    {
        if (_failed)
        {
            return;
        }
        try
        {
            step();
        }
        catch (CmdletFailed)
        {
        }
        catch (LinerApiException error)
        {
            try
            {
                Fail(error.ToErrorRecord(CurrentConnection?.ApiHost));
            }
            catch (CmdletFailed)
            {
            }
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Thrown by <see cref="Fail(ErrorRecord)"/> after the error was written, to leave the cmdlet's code.</summary>
    private sealed class CmdletFailed : Exception
    {
    }
}
