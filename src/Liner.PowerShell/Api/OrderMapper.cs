using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>Maps one order of <c>/v2/order/</c> (or of <c>/v1/order/list/</c>, which has fewer fields) to an <see cref="Order"/>.</summary>
internal sealed class OrderMapper : ObjectMapper<Order>
{
    public override string ItemName => "order";

    protected override HashSet<string> PropertyNames => Order.PropertyNames;

    protected override Order Create() => new();

    protected override bool ReadField(string name, ref Utf8JsonReader value, Order order)
    {
        switch (name)
        {
            case "id": order.Id = JsonValueReader.ReadInt64(ref value, name); return true;
            case "code": order.Code = JsonValueReader.ReadString(ref value, name); return true;
            case "title": order.Title = JsonValueReader.ReadString(ref value, name); return true;
            case "serviceTitle": order.ServiceTitle = JsonValueReader.ReadString(ref value, name); return true;
            case "status": order.Status = JsonValueReader.ReadString(ref value, name); return true;
            case "callSchedule": order.CallSchedule = ReadSchedule(ref value); return true;
            case "callHolidayOverrides": order.CallHolidayOverrides = ReadDates(ref value, name); return true;
            case "autoDialingEnabled": order.AutoDialingEnabled = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "predictiveModeEnabled": order.PredictiveModeEnabled = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "aiModeEnabled": order.AiModeEnabled = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "standaloneAiModeEnabled": order.StandaloneAiModeEnabled = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "aiModePrompt": order.AiModePrompt = JsonValueReader.ReadString(ref value, name); return true;
            case "aiModeFirstPhrase": order.AiModeFirstPhrase = JsonValueReader.ReadString(ref value, name); return true;
            case "aiDefaultLanguage": order.AiDefaultLanguage = JsonValueReader.ReadString(ref value, name); return true;
            case "amdDetectionEnabled": order.AmdDetectionEnabled = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "callRecordRule": order.CallRecordRule = JsonValueReader.ReadString(ref value, name); return true;
            case "callCenterPhone": order.CallCenterPhone = JsonValueReader.ReadString(ref value, name); return true;
            case "additionalCallCenterPhones": order.AdditionalCallCenterPhones = JsonValueReader.ReadStringArray(ref value, name); return true;
            case "sipEndpointUsageScheme": order.SipEndpointUsageScheme = JsonValueReader.ReadString(ref value, name); return true;
            case "agentUserIds": order.AgentUserIds = JsonValueReader.ReadInt64Array(ref value, name); return true;
            case "sipEndpointIds": order.VirtualNumberIds = JsonValueReader.ReadInt64Array(ref value, name); return true;
            case "callsAllowed": order.CallsAllowed = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            default: return false;
        }
    }

    /// <summary><c>[["09:00", "18:00"], ...]</c> as call windows.</summary>
    private static CallWindow[] ReadSchedule(ref Utf8JsonReader reader)
    {
        var windows = new List<CallWindow>();
        foreach (var pair in JsonValueReader.ReadStringArrays(ref reader, "callSchedule"))
        {
            if (pair.Length != 2)
            {
                throw new ResponseShapeException($"field 'callSchedule' has a window of {pair.Length} times where a start and an end were expected");
            }
            windows.Add(new CallWindow(Time(pair[0]), Time(pair[1])));
        }
        return windows.ToArray();

        static TimeSpan Time(string text)
        {
            var parts = text.Split(':');
            if (parts.Length is 2 or 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours <= 24
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes < 60)
            {
                return new TimeSpan(hours, minutes, 0);
            }
            throw new ResponseShapeException($"field 'callSchedule' has the time '{text}' where HH:MM was expected");
        }
    }

    private static DateTime[] ReadDates(ref Utf8JsonReader reader, string field)
    {
        var dates = new List<DateTime>();
        foreach (var text in JsonValueReader.ReadStringArray(ref reader, field))
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
            {
                throw new ResponseShapeException($"field '{field}' has '{text}' where a date was expected");
            }
            dates.Add(date.Date);
        }
        return dates.ToArray();
    }
}
