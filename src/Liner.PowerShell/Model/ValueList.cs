using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;

namespace Liner.PowerShell;

/// <summary>
/// A list field of an item (ids, phones, call windows, dates). It is a list to scripts and serializers
/// (indexes, <c>-contains</c>, ConvertTo-Json), and reads as its values in text: Export-Csv writes
/// <c>102 103</c> or <c>09:00-13:00 14:00-18:30</c> into a cell, not the name of a type.
/// </summary>
public sealed class ValueList<T> : ReadOnlyCollection<T>
{
    public static readonly ValueList<T> Empty = new(new T[0]);

    public ValueList(IList<T> items)
        : base(items)
    {
    }

    public override string ToString()
    {
        var parts = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            parts[i] = this[i] switch
            {
                DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var item => item?.ToString() ?? string.Empty,
            };
        }
        return string.Join(" ", parts);
    }
}
