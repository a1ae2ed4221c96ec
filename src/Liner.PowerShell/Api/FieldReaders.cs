using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>An order's <c>callSchedule</c>: <c>[["09:00", "18:00"], ...]</c> as call windows.</summary>
internal sealed class CallScheduleReader : IFieldReader<ValueList<CallWindow>>
{
    public ValueList<CallWindow> Read(ref Utf8JsonReader reader, string field)
    {
        var windows = new List<CallWindow>();
        foreach (var pair in JsonValueReader.ReadStringArrays(ref reader, field))
        {
            if (pair.Length != 2)
            {
                throw new ResponseShapeException($"field '{field}' has a window of {pair.Length} times where a start and an end were expected");
            }
            windows.Add(new CallWindow(Time(pair[0], field), Time(pair[1], field)));
        }
        return new ValueList<CallWindow>(windows);
    }

    /// <summary>HH:MM (or HH:MM:SS), 24:00 included.</summary>
    internal static TimeSpan Time(string text, string field)
    {
        var parts = text.Split(':');
        if (parts.Length is 2 or 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours <= 24
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes < 60)
        {
            return new TimeSpan(hours, minutes, 0);
        }
        throw new ResponseShapeException($"field '{field}' has the time '{text}' where HH:MM was expected");
    }
}

/// <summary>An array of dates (<c>callHolidayOverrides</c>).</summary>
internal sealed class DateListReader : IFieldReader<ValueList<DateTime>>
{
    public ValueList<DateTime> Read(ref Utf8JsonReader reader, string field)
    {
        var dates = new List<DateTime>();
        foreach (var text in JsonValueReader.ReadStringArray(ref reader, field))
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
            {
                throw new ResponseShapeException($"field '{field}' has '{text}' where a date was expected");
            }
            dates.Add(date.Date);
        }
        return new ValueList<DateTime>(dates);
    }
}

/// <summary>Whole minutes (a call-attempt scheme's <c>intervals</c>).</summary>
internal sealed class MinutesReader : IFieldReader<ValueList<int>>
{
    public ValueList<int> Read(ref Utf8JsonReader reader, string field)
    {
        var values = JsonValueReader.ReadInt64Array(ref reader, field);
        var minutes = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            minutes[i] = values[i] is >= int.MinValue and <= int.MaxValue
                ? (int)values[i]
                : throw new ResponseShapeException($"field '{field}' has {values[i]} where a number of minutes was expected");
        }
        return new ValueList<int>(minutes);
    }
}
