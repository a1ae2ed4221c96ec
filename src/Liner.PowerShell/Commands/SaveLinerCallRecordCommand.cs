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

    protected override void Process()
    {
        if (InputObject is not null)
        {
            _records.AddRange(InputObject);
        }
    }

    protected override void End()
    {
        if (_records.Count == 0)
        {
            return;
        }
        var client = Client(ResolveConnection());
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
            Fail(
                new IOException($"The destination folder {folder} cannot be made: {error.Message.TrimEnd('.')}."),
                LinerErrorIds.DestinationUnavailable,
                ErrorCategory.WriteError,
                folder,
                "Give -Destination a folder this account can write to.");
        }
        Download(client, work);
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

    /// <summary>A few workers take the recordings in turn; the pipeline thread writes the outcomes in order.</summary>
    private void Download(LinerClient client, List<(CallRecord Record, string Path)> work)
    {
        var progress = NewProgress("Saving call recordings", "recordings");
        progress.Total = work.Count;
        using var workers = new OrderedWorkers<(CallRecord Record, string Path), bool>(
            Parallel,
            (item, streams) =>
            {
                client.Download(item.Record.FileUrl!, item.Path, streams);
                return true;
            },
            StopToken);
        foreach (var item in work)
        {
            workers.Add(item);
        }
        try
        {
            foreach (var done in workers.Finished(all: true, client.Api.Streams, _ => progress.Add(0)))
            {
                progress.Add();
                if (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                var record = done.Input.Record;
                switch (done.Error)
                {
                    case null:
                        if (PassThru)
                        {
                            // Through the provider, so the FileInfo has the PS* properties and views of Get-ChildItem's.
                            WriteObject(InvokeProvider.Item.Get(new[] { done.Input.Path }, false, true), enumerateCollection: true);
                        }
                        break;
                    case LinerApiException error:
                        WriteError(error.For($"Call record {record.Id} was not saved: ", error.ErrorId == LinerErrorIds.ConnectionClosed ? error.ErrorId : LinerErrorIds.DownloadFailed).ToErrorRecord(record));
                        break;
                    case var error:
                        WriteError(LinerApiException.CreateErrorRecord(new IOException($"Call record {record.Id} was not saved: {error.Message}"), LinerErrorIds.DownloadFailed, ErrorCategory.WriteError, record, "Check that the destination folder can be written to and has room."));
                        break;
                }
            }
        }
        finally
        {
            progress.Complete();
        }
    }
}
