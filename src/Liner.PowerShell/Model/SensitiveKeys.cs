using System;

namespace Liner.PowerShell;

/// <summary>
/// Decides whether a params key names a secret. The docs never list the SIP params keys, so any key
/// that looks like a credential is hidden from views and from <see cref="ApiObject.ToString"/>.
/// </summary>
public static class SensitiveKeys
{
    private static readonly string[] Markers = { "pass", "pwd", "secret", "token", "key", "credential" };

    public const string Mask = "***";

    public static bool IsSensitive(string key)
    {
        foreach (var marker in Markers)
        {
            if (key.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
