using System.Text;

namespace Liner.PowerShell.Api;

/// <summary>What to read of a list: the endpoint, the server-side query, and how to page through it.</summary>
internal sealed class ListRequest
{
    /// <summary>The largest page the paged endpoints serve.</summary>
    public const int MaxPageSize = 100;

    public ListRequest(Endpoint endpoint, Query? query = null)
    {
        Endpoint = endpoint;
        Query = query ?? Query.None;
    }

    public Endpoint Endpoint { get; }

    /// <summary>Server-side filters, in the order given.</summary>
    public Query Query { get; }

    public int PageSize { get; init; } = MaxPageSize;

    /// <summary>Where a paged list starts: -Skip done by the server when nothing is filtered here.</summary>
    public long StartOffset { get; init; }

    /// <summary>How many further pages may be on their way while one is being written.</summary>
    public int ReadAhead { get; init; } = 6;

    /// <summary>Read only as far as <c>success</c> and the first element: enough to prove a key.</summary>
    public bool ProbeOnly { get; init; }

    /// <summary>The relative URI of the page at <paramref name="offset"/> (or of the unpaged list) on <paramref name="route"/>.</summary>
    public string PageUri(Route route, long offset)
    {
        var uri = new StringBuilder(route.Path);
        var separator = '?';
        Query.AppendTo(uri, ref separator);
        if (route.Paged)
        {
            uri.Append(separator).Append("offset=").Append(offset).Append("&limit=").Append(PageSize);
        }
        return uri.ToString();
    }
}
