using System;
using System.Net;

namespace Liner.PowerShell.Api;

/// <summary>
/// Turns what a user types for -ApiHost into the API's base address: <c>liner.example.com</c> means
/// <c>https://liner.example.com</c>; a full URI keeps its port and path prefix; <c>http://</c> is for
/// loopback hosts unless unencrypted connections are allowed explicitly.
/// </summary>
internal static class ApiHostParser
{
    public static Uri Parse(string? input, bool allowUnencrypted)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            throw new ArgumentException("The API host is empty. Give the host of your Liner API, such as 'liner.example.com' or 'https://liner.example.com/api'.");
        }

        var text = input!.Trim();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException($"The API host '{text}' contains a space or a control character. Give a host name or an https:// URI.");
            }
        }

        var hasScheme = text.IndexOf("://", StringComparison.Ordinal) >= 0;
        if (!Uri.TryCreate(hasScheme ? text : "https://" + text, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{text}' is not a host name or URI. Give a host such as 'liner.example.com' or a URI such as 'https://liner.example.com:8443/api'.");
        }

        var isHttps = uri.Scheme == Uri.UriSchemeHttps;
        var isHttp = uri.Scheme == Uri.UriSchemeHttp;
        if (!isHttps && !isHttp)
        {
            throw new ArgumentException($"The API host '{text}' uses the scheme '{uri.Scheme}'. Only https:// is accepted (http:// only for this computer, or with -AllowUnencryptedConnection).");
        }
        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"The API host '{text}' names no host.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"The API host '{text}' contains a user name. Give the key with -ApiKey or -Credential instead.");
        }
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ArgumentException($"The API host '{text}' has a query or fragment ('?' or '#'). Give only the scheme, host, port and path prefix.");
        }
        if (isHttp && !allowUnencrypted && !IsLoopback(uri))
        {
            throw new ArgumentException($"The API host '{text}' uses http://, which would send the API key unencrypted. Use https://, or add -AllowUnencryptedConnection if this network is trusted.");
        }

        // A base with a trailing slash, so relative paths such as "v2/sip-endpoints/" keep the prefix.
        var builder = new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/" };
        return builder.Uri;
    }

    public static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }
}
