using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Maps an agent group by its field names, then takes its two names out of <c>names</c>
/// (<c>{"ru": ..., "gb": ...}</c>) into <see cref="AgentGroup.Name"/> (gb) and
/// <see cref="AgentGroup.NameRu"/> (ru). A <c>names</c> with other languages besides is kept as an
/// extra property too, so nothing the API sent is lost.
/// </summary>
internal sealed class AgentGroupMapper : IItemMapper<AgentGroup>
{
    private readonly FieldMapper<AgentGroup> _fields = new("agent group");

    public string ItemName => _fields.ItemName;

    public MapResult Map(ref Utf8JsonReader reader, out AgentGroup? item)
    {
        var result = _fields.Map(ref reader, out item);
        if (result == MapResult.Item)
        {
            TakeNames(item!);
        }
        return result;
    }

    private static void TakeNames(AgentGroup group)
    {
        var extra = group.ExtraFields;
        for (var i = 0; i < extra.Count; i++)
        {
            if (extra[i].Key != "names")
            {
                continue;
            }
            var keep = false;
            switch (extra[i].Value)
            {
                case null:
                    break;
                case string name:
                    group.Name = name;
                    break;
                case ApiObject names:
                    group.Name = Text(names, "gb");
                    group.NameRu = Text(names, "ru");
                    foreach (string key in names.Keys)
                    {
                        keep |= key != "gb" && key != "ru";
                    }
                    break;
                default:
                    throw new ResponseShapeException($"field 'names' is {DisplayJson.Format(extra[i].Value)} where {{\"ru\": ..., \"gb\": ...}} was expected");
            }
            if (!keep)
            {
                var rest = new List<KeyValuePair<string, object?>>(extra);
                rest.RemoveAt(i);
                group.ExtraFields = rest;
            }
            return;
        }
    }

    private static string? Text(ApiObject names, string language)
    {
        // The exact key only: "GB" beside "gb" is another key, as everywhere in the module.
        foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)names)
        {
            if (string.Equals((string)entry.Key, language, StringComparison.Ordinal))
            {
                return entry.Value is null ? null : Convert.ToString(entry.Value, CultureInfo.InvariantCulture);
            }
        }
        return null;
    }
}
