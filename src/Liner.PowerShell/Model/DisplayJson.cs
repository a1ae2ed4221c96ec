using System;
using System.Collections;
using System.Globalization;
using System.Text;

namespace Liner.PowerShell;

/// <summary>
/// A value as views show it: text as it is, numbers in the invariant culture, and arrays and objects
/// as compact JSON (never <c>System.Object[]</c>), with the values of secret-looking keys masked at
/// every depth.
/// </summary>
internal static class DisplayJson
{
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number when value is not Enum => number.ToString(null, CultureInfo.InvariantCulture),
        IDictionary or (IEnumerable and not string) => Append(new StringBuilder(), value).ToString(),
        _ => value.ToString() ?? string.Empty,
    };

    private static StringBuilder Append(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                return json.Append("null");
            case string text:
                return AppendString(json, text);
            case bool flag:
                return json.Append(flag ? "true" : "false");
            case IFormattable number when value is not Enum and not DateTime and not DateTimeOffset:
                return json.Append(number.ToString(null, CultureInfo.InvariantCulture));
            case IDictionary dictionary:
                json.Append('{');
                var first = true;
                var entries = dictionary.GetEnumerator();
                while (entries.MoveNext())
                {
                    var key = entries.Key as string ?? Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    AppendString(json.Append(first ? string.Empty : ","), key).Append(':');
                    if (SensitiveKeys.IsSensitive(key))
                    {
                        AppendString(json, SensitiveKeys.Mask);
                    }
                    else
                    {
                        Append(json, entries.Value);
                    }
                    first = false;
                }
                return json.Append('}');
            case IEnumerable items:
                json.Append('[');
                var firstItem = true;
                foreach (var item in items)
                {
                    Append(json.Append(firstItem ? string.Empty : ","), item);
                    firstItem = false;
                }
                return json.Append(']');
            default:
                return AppendString(json, Format(value));
        }
    }

    private static StringBuilder AppendString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }
                    break;
            }
        }
        return json.Append('"');
    }
}
