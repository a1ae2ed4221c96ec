using System;
using System.Collections.Generic;
using System.Text;

namespace Liner.PowerShell.Api;

/// <summary>What to read of a list: the endpoint, the server-side query, and how to page through it.</summary>
internal sealed class ListRequest
{
    /// <summary>The largest page the paged endpoints serve.</summary>
    public const int MaxPageSize = 100;

    public ListRequest(ListEndpoint endpoint)
    {
        Endpoint = endpoint;
    }

    public ListEndpoint Endpoint { get; }

    /// <summary>Server-side filters, PHP style for arrays (<c>orderIds[]</c>), in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    public int PageSize { get; init; } = MaxPageSize;

    /// <summary>Where a paged list starts (server-side -Skip).</summary>
    public long StartOffset { get; init; }

    /// <summary>How many further pages may be on their way while one is being written.</summary>
    public int ReadAhead { get; init; } = 6;

    /// <summary>Read only as far as <c>success</c> and the first element: enough to prove a key.</summary>
    public bool ProbeOnly { get; init; }

    /// <summary>The relative URI of the page at <paramref name="offset"/> (or of the unpaged list) on <paramref name="path"/>.</summary>
    public string PageUri(string path, long offset)
    {
        var uri = new StringBuilder(path);
        var separator = '?';
        foreach (var parameter in Query)
        {
            uri.Append(separator).Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
            separator = '&';
        }
        if (Endpoint.Paged)
        {
            uri.Append(separator).Append("offset=").Append(offset).Append("&limit=").Append(PageSize);
        }
        return uri.ToString();
    }
}
