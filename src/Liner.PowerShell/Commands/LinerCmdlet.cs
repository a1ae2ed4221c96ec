using System;
using System.Management.Automation;
using System.Threading;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>What every Liner cmdlet shares: finding its connection, Ctrl+C, and turning API failures into errors.</summary>
public abstract class LinerCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    internal CancellationToken StopToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The connection given with -Connection, else the session default, else a terminating error.</summary>
    internal LinerConnection ResolveConnection(LinerConnection? given)
    {
        var connection = given ?? LinerSession.Default;
        if (connection is null)
        {
            ThrowError(
                new InvalidOperationException("You are not connected to Liner. Run Connect-Liner first, or pass a connection with -Connection."),
                LinerErrorIds.NotConnected,
                ErrorCategory.ConnectionError,
                null,
                "Run Connect-Liner -ApiHost <host> -ApiKey <key>, or set LINER_API_HOST and LINER_API_KEY and run Connect-Liner.");
        }
        if (!connection!.IsOpen)
        {
            ThrowError(
                new InvalidOperationException($"The connection to {connection.ApiHost} was closed by Disconnect-Liner."),
                LinerErrorIds.ConnectionClosed,
                ErrorCategory.InvalidOperation,
                connection,
                "Run Connect-Liner again and use the new connection.");
        }
        return connection;
    }

    /// <summary>Ends the cmdlet with an error whose message is the exception's and which says what to do.</summary>
    internal void ThrowError(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null) =>
        ThrowTerminatingError(LinerApiException.CreateErrorRecord(exception, errorId, category, target, recommendedAction));

    /// <summary>A non-terminating "not found" for one item among many, saying how to see what there is.</summary>
    internal void WriteNotFound(string errorId, string message, object target, string recommendedAction) =>
        WriteError(LinerApiException.CreateErrorRecord(new ItemNotFoundException(message), errorId, ErrorCategory.ObjectNotFound, target, recommendedAction));

    /// <summary>Writes an item read from the API, with a property for each field its class does not know.</summary>
    internal void WriteItem(ApiItem item) => WriteObject(ExtraFields.Attach(item, item.ExtraFields));

    internal LinerClient CreateClient(LinerConnection connection) => new(
        connection,
        new ApiLog(
            text => WriteVerbose(connection.Redact(text)!),
            text => WriteDebug(connection.Redact(text)!),
            (status, percent) => WriteApiProgress(connection.Redact(status), percent)),
        StopToken);

    // One progress bar per cmdlet for waits on the server; never part of the output, and PowerShell
    // leaves it out of redirected output.
    private const int ApiProgressId = 0x4C494E;

    private void WriteApiProgress(string? status, int percent)
    {
        var record = new ProgressRecord(ApiProgressId, "Liner API", status ?? "Done")
        {
            PercentComplete = percent,
            RecordType = status is null ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        WriteProgress(record);
    }

    /// <summary>Runs work that talks to the API (such as a loop over a list); failures end the cmdlet with their ErrorRecord, Ctrl+C stops it quietly.</summary>
    internal void Run(LinerConnection connection, Action<LinerClient> work) => Call(connection, client =>
    {
        work(client);
        return true;
    });

    /// <summary>Runs an API call; failures end the cmdlet with their ErrorRecord, Ctrl+C stops it quietly.</summary>
    internal T Call<T>(LinerConnection connection, Func<LinerClient, T> call)
    {
        try
        {
            return call(CreateClient(connection));
        }
        catch (LinerApiException error)
        {
            ThrowTerminatingError(error.ToErrorRecord(connection.ApiHost));
            throw;
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}
