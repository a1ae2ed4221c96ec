using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>Maps one status of <c>/v2/lead-statuses/</c> to a <see cref="LeadStatus"/>.</summary>
internal sealed class LeadStatusMapper : ObjectMapper<LeadStatus>
{
    public override string ItemName => "lead status";

    protected override HashSet<string> PropertyNames => LeadStatus.PropertyNames;

    protected override LeadStatus Create() => new();

    protected override bool ReadField(string name, ref Utf8JsonReader value, LeadStatus status)
    {
        switch (name)
        {
            case "id": status.Id = JsonValueReader.ReadInt64(ref value, name); return true;
            case "code": status.Code = JsonValueReader.ReadString(ref value, name); return true;
            case "title": status.Title = JsonValueReader.ReadString(ref value, name); return true;
            case "category": status.Category = JsonValueReader.ReadString(ref value, name); return true;
            case "sort": status.Sort = JsonValueReader.ReadNullableInt32(ref value, name); return true;
            case "color": status.Color = JsonValueReader.ReadString(ref value, name); return true;
            case "isSystem": status.IsSystem = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            default: return false;
        }
    }
}
