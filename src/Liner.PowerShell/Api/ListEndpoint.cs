namespace Liner.PowerShell.Api;

/// <summary>
/// A list the API serves: its path, the other spelling its docs also use (tried once on a 404), and
/// its shape: unpaged (<c>data: [...]</c>) or paged (<c>offset</c>/<c>limit</c> in,
/// <c>data: {list, next, total}</c> out).
/// </summary>
internal sealed class ListEndpoint
{
    public ListEndpoint(string path, string? otherSpelling = null, bool paged = false)
    {
        Path = path;
        OtherSpelling = otherSpelling;
        Paged = paged;
    }

    public string Path { get; }

    public string? OtherSpelling { get; }

    public bool Paged { get; }

    public override string ToString() => Path;
}
