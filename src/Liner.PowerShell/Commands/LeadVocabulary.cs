using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// The words of the account that leads are written in: lead statuses (by code) and custom fields (by
/// title or id). Each list is read once per cmdlet call, when first needed.
/// </summary>
internal sealed class LeadVocabulary
{
    private readonly LinerClient _client;
    private List<LeadStatus>? _statuses;
    private List<CustomField>? _fields;

    public LeadVocabulary(LinerClient client)
    {
        _client = client;
    }

    public IReadOnlyList<LeadStatus> Statuses => _statuses ??= _client.List<LeadStatus>().ToList();

    public IReadOnlyList<CustomField> Fields => _fields ??= _client.List<CustomField>(new Query().Add("essence", "leads")).ToList();

    /// <summary>The statuses whose code matches <paramref name="pattern"/> (wildcards, case-insensitive).</summary>
    public IEnumerable<LeadStatus> StatusesLike(string pattern)
    {
        var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        return Statuses.Where(status => status.Code is { } code && wildcard.IsMatch(code));
    }

    /// <summary>The id of the status with this code (or id); null, with why, when there is none or it cannot be given to a new lead.</summary>
    public long? StatusId(string code, bool forNewLead, out string? why)
    {
        why = null;
        var status = Statuses.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase))
            ?? (long.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Statuses.FirstOrDefault(s => s.Id == id) : null);
        if (status is null)
        {
            why = $"the account has no lead status '{code}' (it has {string.Join(", ", Statuses.Select(s => s.Code))})";
            return null;
        }
        if (forNewLead && !string.Equals(status.Category, "in-progress", StringComparison.OrdinalIgnoreCase))
        {
            why = $"a new lead can only have a status of the in-progress category, and '{status.Code}' is {status.Category}";
            return null;
        }
        return status.Id;
    }

    /// <summary>The custom values keyed by field id, from keys that are titles or ids; null, with the unknown keys, when any is unknown.</summary>
    public Dictionary<string, object?>? FieldValues(System.Collections.IDictionary values, out string? why)
    {
        why = null;
        var result = new Dictionary<string, object?>();
        var unknown = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in values)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            var field = Fields.FirstOrDefault(f => string.Equals(f.Title, key, StringComparison.OrdinalIgnoreCase))
                ?? (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Fields.FirstOrDefault(f => f.Id == id) : null);
            if (field is null)
            {
                unknown.Add(key);
                continue;
            }
            result[field.Id.ToString(CultureInfo.InvariantCulture)] = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
        }
        if (unknown.Count > 0)
        {
            why = $"the account's leads have no custom field {string.Join(", ", unknown.Select(key => $"'{key}'"))} (they have {string.Join(", ", Fields.Select(f => $"{f.Id} {f.Title}"))})";
            return null;
        }
        return result;
    }

    /// <summary>Fills <see cref="Lead.Status"/> from its id and keys its custom values by the fields' titles.</summary>
    public Lead Describe(Lead lead)
    {
        if (lead.StatusId is { } statusId)
        {
            lead.Status = Statuses.FirstOrDefault(s => s.Id == statusId)?.Code;
        }
        if (lead.CustomValues.Count > 0)
        {
            var titled = new ApiObject();
            foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)lead.CustomValues)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var title = long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Fields.FirstOrDefault(f => f.Id == id)?.Title : null;
                titled.Set(title ?? key, entry.Value);
            }
            lead.CustomValues = titled;
        }
        return lead;
    }
}
