using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Text;

namespace Liner.PowerShell;

/// <summary>
/// A JSON object whose keys the API docs do not fix, such as a virtual number's <c>params</c>:
/// every key the API sent, in the API's order. Keys are case-insensitive, so <c>$n.Params.phone</c>
/// and <c>$n.Params.Phone</c> both work.
/// <see cref="ToString"/> masks values whose key looks like a secret, so CSV exports and string
/// conversions never spell out a SIP password.
/// </summary>
public sealed class ApiObject : OrderedDictionary
{
    public ApiObject()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (DictionaryEntry entry in this)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }
            var key = (string)entry.Key;
            text.Append(key).Append('=');
            text.Append(SensitiveKeys.IsSensitive(key) ? SensitiveKeys.Mask : FormatValue(entry.Value));
        }
        return text.ToString();
    }

    private static string FormatValue(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        ApiObject nested => "{" + nested + "}",
        _ => value.ToString() ?? string.Empty,
    };
}
