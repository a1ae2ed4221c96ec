using System;
using System.Net.Http;

namespace Liner.PowerShell.Api;

/// <summary>
/// What the module shows of a response's status line and headers, read once and scrubbed of the key
/// (a server may echo it in a header or its reason phrase).
/// </summary>
internal sealed class ResponseHead
{
    public ResponseHead(HttpResponseMessage response, KeyScrubber scrubber)
    {
        Status = (int)response.StatusCode;
        Reason = scrubber.Scrub(response.ReasonPhrase) ?? string.Empty;
        ContentType = scrubber.Scrub(response.Content.Headers.ContentType?.ToString());
        ContentLength = response.Content.Headers.ContentLength;
        RetryAfter = response.Headers.RetryAfter;
        Location = response.Headers.Location is { } location && Uri.TryCreate(scrubber.Scrub(location.OriginalString), UriKind.RelativeOrAbsolute, out var clean) ? clean : null;
    }

    public int Status { get; }

    public string Reason { get; }

    public string? ContentType { get; }

    public long? ContentLength { get; }

    public System.Net.Http.Headers.RetryConditionHeaderValue? RetryAfter { get; }

    /// <summary>Where a redirect points; shown only by its origin (scheme, host and port).</summary>
    public Uri? Location { get; }

    public bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>The line -Debug shows for the response.</summary>
    public string Describe() =>
        $"Response: Content-Type {ContentType ?? "(none)"}, Content-Length {ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(not given)"}{(RetryAfter is { } retryAfter ? $", Retry-After {retryAfter}" : string.Empty)}";
}
