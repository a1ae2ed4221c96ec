using System.Collections;
using System.Text;

namespace Liner.PowerShell.Formatting;

/// <summary>
/// A number's <see cref="VirtualNumber.Number"/>: the phone for pstn numbers, a SIP summary otherwise
/// (user@host:port), never a value whose key looks like a secret. Tables cut it to their column.
/// </summary>
public static class VirtualNumberDisplay
{
    private static readonly string[] UserKeys = { "login", "username", "user", "number", "extension" };
    private static readonly string[] HostKeys = { "server", "host", "domain", "proxy", "registrar", "ip" };

    public static string Number(VirtualNumber number)
    {
        if (number.Phone is { Length: > 0 } phone)
        {
            return phone;
        }

        var parameters = number.Params;
        var user = First(parameters, UserKeys);
        var host = First(parameters, HostKeys);
        var port = Value(parameters, "port");
        if (user is not null || host is not null)
        {
            var text = new StringBuilder();
            if (user is not null)
            {
                text.Append(user);
            }
            if (host is not null)
            {
                text.Append(user is null ? string.Empty : "@").Append(host);
                if (port is not null)
                {
                    text.Append(':').Append(port);
                }
            }
            return text.ToString();
        }

        // Keys nobody documented: show the harmless ones as key=value.
        var summary = new StringBuilder();
        foreach (DictionaryEntry entry in parameters)
        {
            var key = (string)entry.Key;
            if (SensitiveKeys.IsSensitive(key) || entry.Value is null or ApiObject or ICollection)
            {
                continue;
            }
            summary.Append(summary.Length == 0 ? string.Empty : " ").Append(key).Append('=').Append(entry.Value);
        }
        return summary.ToString();
    }

    private static string? First(ApiObject parameters, string[] keys)
    {
        foreach (var key in keys)
        {
            if (Value(parameters, key) is { } value)
            {
                return value;
            }
        }
        return null;
    }

    private static string? Value(ApiObject parameters, string key)
    {
        var value = parameters[key];
        return value is null or ApiObject or ICollection ? null : value.ToString() is { Length: > 0 } text ? text : null;
    }
}
