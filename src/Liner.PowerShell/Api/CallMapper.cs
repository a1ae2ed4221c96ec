using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>Maps one call of <c>/v2/call/</c> or <c>/v2/call/detail/{id}/</c> to a <see cref="Call"/>.</summary>
internal sealed class CallMapper : ObjectMapper<Call>
{
    public override string ItemName => "call";

    protected override HashSet<string> PropertyNames => Call.PropertyNames;

    protected override Call Create() => new();

    protected override bool ReadField(string name, ref Utf8JsonReader value, Call call)
    {
        switch (name)
        {
            case "id": call.Id = JsonValueReader.ReadInt64(ref value, name); return true;
            case "sipEndpointId": call.SipEndpointId = JsonValueReader.ReadNullableInt64(ref value, name); return true;
            case "finishInitiator": call.FinishInitiator = JsonValueReader.ReadString(ref value, name); return true;
            case "direction": call.Direction = JsonValueReader.ReadString(ref value, name); return true;
            case "leadId": call.LeadId = JsonValueReader.ReadNullableInt64(ref value, name); return true;
            case "userId": call.UserId = JsonValueReader.ReadNullableInt64(ref value, name); return true;
            case "orderId": call.OrderId = JsonValueReader.ReadNullableInt64(ref value, name); return true;
            case "statusCode": call.StatusCode = JsonValueReader.ReadString(ref value, name); return true;
            case "totalDurationSeconds": call.TotalDurationSeconds = JsonValueReader.ReadNullableInt64(ref value, name) ?? 0; return true;
            case "waitTimeDurationSeconds": call.WaitTimeDurationSeconds = JsonValueReader.ReadNullableInt64(ref value, name) ?? 0; return true;
            case "talkTimeDurationSeconds": call.TalkTimeDurationSeconds = JsonValueReader.ReadNullableInt64(ref value, name) ?? 0; return true;
            case "isPredictive": call.IsPredictive = JsonValueReader.ReadNullableBoolean(ref value, name) ?? false; return true;
            case "clientPhone": call.ClientPhone = JsonValueReader.ReadString(ref value, name); return true;
            case "hasRecords": call.HasRecords = JsonValueReader.ReadNullableBoolean(ref value, name) ?? false; return true;
            case "createdAt": call.CreatedAt = JsonValueReader.ReadDateTimeOffset(ref value, name); return true;
            default: return false;
        }
    }
}
