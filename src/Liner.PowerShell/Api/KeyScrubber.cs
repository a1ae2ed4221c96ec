using System;
using System.Text;

namespace Liner.PowerShell.Api;

/// <summary>
/// The one place the connection's key is taken out of what a server sends, as it arrives: the text of a
/// response's head (status line, headers; see <see cref="ResponseHead"/>) and the bytes of every body
/// (<see cref="ResponseBody"/>), before any parser, message or stream sees them. A server (or a proxy's
/// error page) may echo the request; after this, nothing downstream needs to think about the key.
/// </summary>
internal sealed class KeyScrubber
{
    public const string Mask = "****";

    private static readonly byte[] MaskBytes = Encoding.ASCII.GetBytes(Mask);

    // Shorter keys would match ordinary words; such keys are refused by Liner anyway.
    private const int MinimumLength = 6;

    private readonly LinerConnection? _connection;

    public KeyScrubber(LinerConnection? connection)
    {
        _connection = connection;
    }

    public static KeyScrubber None { get; } = new(null);

    /// <summary>The longest run of bytes that may hold the key: a match may start this many bytes before new ones.</summary>
    public int Overlap => _connection is { IsOpen: true, KeyLength: var length } && length >= MinimumLength ? (2 * length) - 1 : 0;

    /// <summary><paramref name="text"/> with every copy of the key replaced by <see cref="Mask"/>.</summary>
    public string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text) || Overlap == 0)
        {
            return text;
        }
        return _connection!.UseKey(key =>
        {
            foreach (var form in Forms(key))
            {
                if (text!.IndexOf(form, StringComparison.Ordinal) >= 0)
                {
                    text = text.Replace(form, Mask);
                }
            }
            return text;
        });
    }

    /// <summary>
    /// Replaces every copy of the key in <c>buffer[from..end)</c> with <see cref="Mask"/>, moving the bytes
    /// behind it forward; returns the new end.
    /// </summary>
    public int Scrub(byte[] buffer, int from, int end)
    {
        if (Overlap == 0 || end <= from)
        {
            return end;
        }
        return _connection!.UseKey(key =>
        {
            foreach (var form in Forms(key))
            {
                var bytes = Encoding.UTF8.GetBytes(form);
                try
                {
                    for (var at = from; at < end;)
                    {
                        var found = buffer.AsSpan(at, end - at).IndexOf(bytes);
                        if (found < 0)
                        {
                            break;
                        }
                        at += found;
                        Buffer.BlockCopy(MaskBytes, 0, buffer, at, MaskBytes.Length);
                        Buffer.BlockCopy(buffer, at + bytes.Length, buffer, at + MaskBytes.Length, end - at - bytes.Length);
                        end -= bytes.Length - MaskBytes.Length;
                        at += MaskBytes.Length;
                    }
                }
                finally
                {
                    Array.Clear(bytes, 0, bytes.Length);
                }
            }
            return end;
        });
    }

    /// <summary>The key as a server may send it back: as it is, and with JSON's escaped slash.</summary>
    private static string[] Forms(string key) =>
        key.IndexOf('/') < 0 ? new[] { key } : new[] { key, key.Replace("/", "\\/") };
}
