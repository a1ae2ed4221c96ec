using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>Maps one status of <c>/v2/call-statuses/</c> to a <see cref="CallStatus"/>.</summary>
internal sealed class CallStatusMapper : ObjectMapper<CallStatus>
{
    public override string ItemName => "call status";

    protected override HashSet<string> PropertyNames => CallStatus.PropertyNames;

    protected override CallStatus Create() => new();

    protected override bool ReadField(string name, ref Utf8JsonReader value, CallStatus status)
    {
        switch (name)
        {
            case "id": status.Id = JsonValueReader.ReadInt64(ref value, name); return true;
            case "code": status.Code = JsonValueReader.ReadString(ref value, name); return true;
            case "title": status.Title = JsonValueReader.ReadString(ref value, name); return true;
            case "description": status.Description = JsonValueReader.ReadString(ref value, name); return true;
            case "sort": status.Sort = JsonValueReader.ReadNullableInt32(ref value, name); return true;
            case "commentRequired": status.CommentRequired = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "isAvailableForAi": status.IsAvailableForAi = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "agentCallAvailability": status.AgentCallAvailability = JsonValueReader.ReadString(ref value, name); return true;
            case "leadStatusCode": status.LeadStatusCode = JsonValueReader.ReadString(ref value, name); return true;
            case "planningTimeRequired": status.PlanningTimeRequired = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "isSystem": status.IsSystem = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            default: return false;
        }
    }
}
