using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Downloads the recordings of piped call records into a folder, a few at a time, each to a temporary
/// name that is renamed when the file is whole, so no partial file is ever left. The key goes only to
/// the connection's own origin; a recording elsewhere is fetched without it.
/// </summary>
[Cmdlet(VerbsData.Save, "LinerCallRecord", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class SaveLinerCallRecordCommand : LinerListCmdlet
{
    /// <summary>How many recordings download at once.</summary>
    internal const int Parallel = 4;

    private readonly List<CallRecord> _records = new();

    #region Parameters

    /// <summary>The records whose recordings to save (from the pipeline: Get-LinerCallRecord | Save-LinerCallRecord).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public CallRecord[]? InputObject { get; set; }

    /// <summary>The folder to save into (default: the current folder); made when missing.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    /// <summary>Overwrites files that exist (default: they are skipped).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes each saved file (FileInfo).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    #endregion

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _records.AddRange(InputObject);
        }
    }

    protected override void EndProcessing()
    {
        if (_records.Count == 0)
        {
            return;
        }
        var connection = ResolveConnection(Connection);
        var folder = GetUnresolvedProviderPathFromPSPath(Destination ?? SessionState.Path.CurrentFileSystemLocation.ProviderPath);
        var work = new List<(CallRecord Record, string Path)>();
        foreach (var record in _records)
        {
            if (record.FileUrl is null)
            {
                WriteError(LinerApiException.CreateErrorRecord(new InvalidOperationException($"Call record {record.Id} has no fileUrl: there is no recording to save."), LinerErrorIds.DownloadFailed, ErrorCategory.ObjectNotFound, record, "Run Get-LinerCallRecord -Id to see whether the recording is there now."));
                continue;
            }
            var path = Path.Combine(folder, FileName(record));
            if (File.Exists(path) && !Force)
            {
                WriteVerbose($"{path} exists; skipped (use -Force to overwrite).");
                continue;
            }
            if (ShouldProcess(path, $"Save the recording of call record {record.Id}"))
            {
                work.Add((record, path));
            }
        }
        if (work.Count == 0)
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            ThrowError(
                new IOException($"The destination folder {folder} cannot be made: {error.Message.TrimEnd('.')}."),
                LinerErrorIds.DestinationUnavailable,
                ErrorCategory.WriteError,
                folder,
                "Give -Destination a folder this account can write to.");
        }
        Download(connection, work);
    }

    /// <summary><c>&lt;createdAt UTC&gt;_&lt;callId&gt;_&lt;recordId&gt;.&lt;ext&gt;</c>: names sort by time and never collide.</summary>
    internal static string FileName(CallRecord record)
    {
        var time = record.CreatedAt?.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) ?? "00000000T000000Z";
        var extension = Path.GetExtension(record.FileUrl!.AbsolutePath);
        if (string.IsNullOrEmpty(extension) || extension.Length > 6 || extension.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            extension = ".mp3";
        }
        return $"{time}_{record.CallId?.ToString(CultureInfo.InvariantCulture) ?? "0"}_{record.Id.ToString(CultureInfo.InvariantCulture)}{extension.ToLowerInvariant()}";
    }

    private void Download(LinerConnection connection, List<(CallRecord Record, string Path)> work)
    {
        var api = new ApiContext(connection, ApiLog.None, StopToken, new RetryPolicy(connection.MaximumRetryCount));
        var progress = new ReadProgress(this, 3, "Saving call recordings", "recordings") { Total = work.Count };
        // A few workers take the recordings in turn (never a blocked thread per recording: with
        // hundreds, the thread pool would starve); the pipeline thread writes the outcomes in order.
        var downloads = work.Select(item => (item.Record, item.Path, Log: new BufferedLog(), Done: new TaskCompletionSource<bool>())).ToList();
        var next = -1;
        for (var worker = 0; worker < Math.Min(Parallel, downloads.Count); worker++)
        {
            Task.Run(() =>
            {
                for (var i = Interlocked.Increment(ref next); i < downloads.Count; i = Interlocked.Increment(ref next))
                {
                    var (record, path, log, done) = downloads[i];
                    try
                    {
                        Save(api, log.Log, record, path);
                        done.SetResult(true);
                    }
                    catch (Exception error)
                    {
                        done.SetException(error);
                    }
                }
            });
        }
        try
        {
            foreach (var (record, path, log, done) in downloads)
            {
                var task = done.Task;
                while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(250))
                {
                    progress.Add(0);
                }
                log.Replay(new ApiLog(WriteVerbose, WriteDebug, (_, _) => { }));
                progress.Add();
                if (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                if (task.IsFaulted && task.Exception!.GetBaseException() is LinerApiException error)
                {
                    var failed = new LinerApiException(error.ErrorId == LinerErrorIds.ConnectionClosed ? error.ErrorId : LinerErrorIds.DownloadFailed, error.Category, $"Call record {record.Id} was not saved: {error.Message}", error.Method, error.Path, error.StatusCode, error.ServerMessage, error.RecommendedAction);
                    WriteError(failed.ToErrorRecord(record));
                }
                else if (task.IsFaulted)
                {
                    WriteError(LinerApiException.CreateErrorRecord(new IOException($"Call record {record.Id} was not saved: {task.Exception!.GetBaseException().Message}"), LinerErrorIds.DownloadFailed, ErrorCategory.WriteError, record, "Check that the destination folder can be written to and has room."));
                }
                else if (PassThru)
                {
                    // Through the provider, so the FileInfo has the PS* properties and views of Get-ChildItem's.
                    WriteObject(InvokeProvider.Item.Get(new[] { path }, false, true), enumerateCollection: true);
                }
            }
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <summary>Downloads one recording to a temporary file beside its name, then renames it; a failure leaves nothing.</summary>
    private static void Save(ApiContext api, ApiLog log, CallRecord record, string path)
    {
        api.Cancellation.ThrowIfCancellationRequested();
        var partial = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".partial");
        try
        {
            var withKey = ApiRequest.IsSameOrigin(api.Connection.BaseUri, record.FileUrl!);
            log.Verbose($"Call record {record.Id}: {(withKey ? "on the connection's own origin, with the key" : "on another origin, without the key")}.");
            api.Retry.Run(
                _ =>
                {
                    var request = api.NewRequest(log, api.Cancellation);
                    using var response = request.Send(record.FileUrl!, withKey);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw request.StatusError(response);
                    }
                    using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
                    {
                        request.CopyBody(response, file);
                    }
                    request.LogFinished();
                    return true;
                },
                log,
                api.Cancellation);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            File.Move(partial, path);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }
}
