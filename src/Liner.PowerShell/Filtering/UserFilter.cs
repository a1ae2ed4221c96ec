using System;
using System.Collections.Generic;

namespace Liner.PowerShell.Filtering;

/// <summary>
/// What Get-LinerUser selects: ids, names (the full name or any part of it, wildcards), e-mail
/// addresses (wildcards), access groups (compared literally, ignoring case), and active or inactive users.
/// </summary>
internal sealed class UserFilter
{
    private readonly HashSet<long>? _ids;
    private readonly WildcardSet? _names;
    private readonly WildcardSet? _emails;
    private readonly HashSet<string>? _accessGroups;
    private readonly bool? _active;

    public UserFilter(IEnumerable<long>? ids, IEnumerable<string>? names, IEnumerable<string>? emails, IEnumerable<string>? accessGroups, bool? active)
    {
        _ids = ids is null ? null : new HashSet<long>(ids);
        _names = WildcardSet.From(names);
        _emails = WildcardSet.From(emails);
        _accessGroups = accessGroups is null ? null : new HashSet<string>(accessGroups, StringComparer.OrdinalIgnoreCase);
        _active = active;
    }

    /// <summary>Whether anything but ids and "active" narrows the list.</summary>
    public bool HasNameFilters => _names is not null || _emails is not null || _accessGroups is not null;

    public bool Matches(User user) =>
        (_ids is null || _ids.Contains(user.Id))
        && (_names is null || _names.MatchesAny(user.FullName, user.Name, user.LastName, user.SecondName))
        && (_emails is null || _emails.Matches(user.Email))
        && (_accessGroups is null || (user.AccessGroup is { } group && _accessGroups.Contains(group)))
        && (_active is not { } active || user.IsActive == active);
}
