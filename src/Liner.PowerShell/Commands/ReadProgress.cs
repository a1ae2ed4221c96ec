using System.Diagnostics;
using System.Management.Automation;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Progress of a long read (a paged list, downloads, an import): nothing for the first second, then at
/// most four updates a second with the count and, once known, the total. PowerShell leaves progress
/// out of redirected output.
/// </summary>
internal sealed class ReadProgress
{
    private readonly Cmdlet _cmdlet;
    private readonly int _id;
    private readonly string _activity;
    private readonly string _noun;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _lastShown = -1000;
    private bool _shown;

    public ReadProgress(Cmdlet cmdlet, int id, string activity, string noun)
    {
        _cmdlet = cmdlet;
        _id = id;
        _activity = activity;
        _noun = noun;
    }

    public long Count { get; private set; }

    /// <summary>The whole count, once known.</summary>
    public long? Total { get; set; }

    public void Add(long count = 1)
    {
        Count += count;
        var now = _watch.ElapsedMilliseconds;
        if (now < 1000 || now - _lastShown < 250)
        {
            return;
        }
        _lastShown = now;
        _shown = true;
        var record = new ProgressRecord(_id, _activity, Total is { } total ? $"{Count:N0} of {total:N0} {_noun}" : $"{Count:N0} {_noun}");
        if (Total is { } all && all > 0)
        {
            record.PercentComplete = (int)System.Math.Min(100, 100 * Count / all);
        }
        _cmdlet.WriteProgress(record);
    }

    public void Complete()
    {
        if (_shown)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_id, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
