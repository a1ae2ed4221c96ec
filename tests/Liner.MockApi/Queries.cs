using System.Globalization;

namespace Liner.MockApi;

/// <summary>Reading a list's query as the API writes it: PHP-style arrays (<c>orderIds[]=1&amp;orderIds[]=2</c>) and ISO 8601 times.</summary>
internal static class Queries
{
    /// <summary>The ids of an array parameter; a value that is not a whole number is a 400 naming the parameter.</summary>
    public static HashSet<long> Ids(IQueryCollection query, string name) =>
        query[name].Select(value => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ApiError(400, $"Query parameter '{name}' is invalid: '{value}' is not an id")).ToHashSet();

    /// <summary>A time parameter, or null when absent; one that is not a time is a 400 naming the parameter.</summary>
    public static DateTimeOffset? Time(IQueryCollection query, string name)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ApiError(400, $"Query parameter '{name}' is invalid: '{text}' is not a date and time");
    }

    /// <summary>What a list's query asks, without its paging: every page of one list asks the same question.</summary>
    public static string Question(IQueryCollection query) =>
        string.Join("&", query.Where(pair => pair.Key is not ("offset" or "limit")).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
}
