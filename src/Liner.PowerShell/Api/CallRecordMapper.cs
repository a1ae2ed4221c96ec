using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>Maps one record of <c>/v2/call-record/</c> to a <see cref="CallRecord"/>, noting the call it was asked for.</summary>
internal sealed class CallRecordMapper : ObjectMapper<CallRecord>
{
    private readonly long? _callId;

    public CallRecordMapper(long? callId = null)
    {
        _callId = callId;
    }

    public override string ItemName => "call record";

    protected override HashSet<string> PropertyNames => CallRecord.PropertyNames;

    protected override CallRecord Create() => new() { CallId = _callId };

    protected override bool ReadField(string name, ref Utf8JsonReader value, CallRecord record)
    {
        switch (name)
        {
            case "id": record.Id = JsonValueReader.ReadInt64(ref value, name); return true;
            case "callId": record.CallId = JsonValueReader.ReadNullableInt64(ref value, name) ?? _callId; return true;
            case "userId": record.UserId = JsonValueReader.ReadNullableInt64(ref value, name); return true;
            case "leadId": record.LeadId = JsonValueReader.ReadNullableInt64(ref value, name); return true;
            case "isTransfer": record.IsTransfer = JsonValueReader.ReadNullableBoolean(ref value, name) ?? false; return true;
            case "durationSeconds": record.DurationSeconds = JsonValueReader.ReadNullableInt64(ref value, name) ?? 0; return true;
            case "fileUrl":
                var text = JsonValueReader.ReadString(ref value, name);
                record.FileUrl = string.IsNullOrEmpty(text) ? null
                    // On Linux "/r/5.mp3" parses as an absolute file: URI; only http and https are addresses to download from.
                    : Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri
                    : throw new ResponseShapeException($"field 'fileUrl' is '{text}', which is not an absolute http or https URL");
                return true;
            case "recordSummary": record.Summary = JsonValueReader.ReadString(ref value, name); return true;
            case "createdAt": record.CreatedAt = JsonValueReader.ReadDateTimeOffset(ref value, name); return true;
            default: return false;
        }
    }
}
