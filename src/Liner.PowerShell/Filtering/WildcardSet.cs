using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Liner.PowerShell.Filtering;

/// <summary>The values of one filter parameter as wildcard patterns (ignoring case): a value matches when any pattern does.</summary>
internal sealed class WildcardSet
{
    private const WildcardOptions Options = WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant;

    private readonly WildcardPattern[] _patterns;

    private WildcardSet(WildcardPattern[] patterns)
    {
        _patterns = patterns;
    }

    /// <summary>The patterns of a parameter's values, each normalized first; null when the parameter was not given.</summary>
    public static WildcardSet? From(IEnumerable<string>? values, Func<string, string>? normalize = null)
    {
        if (values is null)
        {
            return null;
        }
        var patterns = new List<WildcardPattern>();
        foreach (var value in values)
        {
            patterns.Add(new WildcardPattern(normalize is null ? value ?? string.Empty : normalize(value ?? string.Empty), Options));
        }
        return new WildcardSet(patterns.ToArray());
    }

    public bool Matches(string? value)
    {
        if (value is null)
        {
            return false;
        }
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when any of <paramref name="values"/> matches.</summary>
    public bool MatchesAny(params string?[] values)
    {
        foreach (var value in values)
        {
            if (Matches(value))
            {
                return true;
            }
        }
        return false;
    }
}
