using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Liner.PowerShell.Api;

/// <summary>
/// The one builder of the API's query strings: parameters in the order given, arrays PHP style
/// (<c>orderIds[]=1&amp;orderIds[]=2</c>), times as ISO 8601 with their offset, flags as 1 or 0.
/// Cmdlets fill it from the parameters marked <see cref="ApiQueryAttribute"/> that the user bound.
/// </summary>
internal sealed class Query : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _parameters = new();

    public static Query None => new();

    public int Count => _parameters.Count;

    public Query Add(string name, string value)
    {
        _parameters.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public Query Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Every parameter of <paramref name="other"/>, after these.</summary>
    public Query AddAll(Query other)
    {
        _parameters.AddRange(other._parameters);
        return this;
    }

    /// <summary>One parameter per value, named as given (<c>orderIds[]</c>).</summary>
    public Query AddEach(string name, IEnumerable<long> values)
    {
        foreach (var value in values)
        {
            Add(name, value);
        }
        return this;
    }

    /// <summary>Any value a cmdlet parameter holds: arrays one by one, times in ISO 8601, flags as 1 or 0.</summary>
    public Query AddValue(string name, object? value)
    {
        switch (value)
        {
            case null:
                return this;
            case string text:
                return Add(name, text);
            case DateTime time:
                return Add(name, Iso(new DateTimeOffset(time)));
            case DateTimeOffset time:
                return Add(name, Iso(time));
            case bool flag:
                return Add(name, flag ? "1" : "0");
            case System.Management.Automation.SwitchParameter flag:
                return Add(name, flag.IsPresent ? "1" : "0");
            case IEnumerable values:
                foreach (var item in values)
                {
                    AddValue(name, item);
                }
                return this;
            case IFormattable formattable:
                return Add(name, formattable.ToString(null, CultureInfo.InvariantCulture));
            default:
                return Add(name, value.ToString() ?? string.Empty);
        }
    }

    /// <summary>These parameters as a query string, starting with <paramref name="separator"/>.</summary>
    public void AppendTo(StringBuilder uri, ref char separator)
    {
        foreach (var parameter in _parameters)
        {
            uri.Append(separator).Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
            separator = '&';
        }
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _parameters.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var text = new StringBuilder();
        var separator = '?';
        AppendTo(text, ref separator);
        return text.ToString();
    }

    internal static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}

/// <summary>Marks a cmdlet parameter that is sent to the server as the query parameter <see cref="Name"/> when bound.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ApiQueryAttribute : Attribute
{
    public ApiQueryAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
