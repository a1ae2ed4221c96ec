using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Maps one element of the virtual-numbers list, straight from the response bytes, to a
/// <see cref="VirtualNumber"/>. Documented fields are matched by their exact names (JSON is
/// case-sensitive); every other key becomes an extra field. When the query's early filter says no
/// to a number's own fields, its params are never turned into objects.
/// </summary>
internal sealed class VirtualNumberMapper : IItemMapper<VirtualNumber>
{
    private readonly Func<VirtualNumber, bool>? _wanted;

    public VirtualNumberMapper()
    {
    }

    /// <param name="wanted">The filter on a number's own fields, tried before its params are read.</param>
    public VirtualNumberMapper(Func<VirtualNumber, bool>? wanted)
    {
        _wanted = wanted;
    }

    public string ItemName => "virtual number";

    public MapResult Map(ref Utf8JsonReader reader, out VirtualNumber? item)
    {
        item = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            if (!reader.TrySkip())
            {
                return MapResult.Incomplete;
            }
            throw new ResponseShapeException($"it is {JsonValueReader.Describe(reader.TokenType)} where an object was expected");
        }

        var number = new VirtualNumber();
        var hasId = false;
        scoped var paramsValue = default(Utf8JsonReader);
        var hasParams = false;
        List<KeyValuePair<string, object?>>? extra = null;

        while (true)
        {
            if (!JsonValueReader.TryNextProperty(ref reader, out var end))
            {
                return MapResult.Incomplete;
            }
            if (end)
            {
                break;
            }
            var field = Identify(ref reader);
            var name = field == Field.Unknown ? JsonValueReader.ReadText(ref reader, "name") : null;
            if (!JsonValueReader.TryValue(ref reader, out var value))
            {
                return MapResult.Incomplete;
            }
            switch (field)
            {
                case Field.Id:
                    number.Id = JsonValueReader.ReadInt64(ref value, "id");
                    hasId = true;
                    break;
                case Field.Title:
                    number.Title = JsonValueReader.ReadString(ref value, "title");
                    break;
                case Field.OrderId:
                    number.OrderId = JsonValueReader.ReadNullableInt64(ref value, "orderId");
                    break;
                case Field.ConnectionType:
                    number.ConnectionType = KnownConnectionType(ref value) ?? JsonValueReader.ReadString(ref value, "connectionType");
                    break;
                case Field.Params:
                    if (value.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
                    {
                        JsonValueReader.ReadObject(ref value, "params");
                    }
                    // Read after the number's own fields, and only if the number is wanted.
                    paramsValue = value;
                    hasParams = true;
                    break;
                case Field.IsDefault:
                    number.IsDefault = JsonValueReader.ReadBoolean(ref value, "isDefault");
                    break;
                case Field.Outgoing:
                    number.Outgoing = JsonValueReader.ReadBoolean(ref value, "outgoing");
                    break;
                case Field.Incoming:
                    number.Incoming = JsonValueReader.ReadBoolean(ref value, "incoming");
                    break;
                case Field.Channels:
                    number.Channels = JsonValueReader.ReadInt32(ref value, "channels");
                    break;
                default:
                    extra ??= new List<KeyValuePair<string, object?>>();
                    extra.Add(new KeyValuePair<string, object?>(ExtraFields.PropertyName(name!, VirtualNumber.PropertyNames), JsonValueReader.ReadAny(ref value, name!)));
                    break;
            }
        }

        if (!hasId)
        {
            throw new ResponseShapeException("it has no 'id'");
        }
        if (extra is not null)
        {
            number.ExtraFields = extra;
        }
        if (_wanted is not null && !_wanted(number))
        {
            return MapResult.Skipped;
        }
        if (hasParams)
        {
            number.Params = JsonValueReader.ReadObject(ref paramsValue, "params");
        }
        item = number;
        return MapResult.Item;
    }

    private enum Field
    {
        Unknown,
        Id,
        Title,
        OrderId,
        ConnectionType,
        Params,
        IsDefault,
        Outgoing,
        Incoming,
        Channels,
    }

    /// <summary>The documented types as shared strings, so a large account does not hold a copy per number.</summary>
    private static string? KnownConnectionType(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return null;
        }
        if (reader.ValueTextEquals("pstn"u8)) return "pstn";
        if (reader.ValueTextEquals("sip-reg"u8)) return "sip-reg";
        if (reader.ValueTextEquals("sip-wo-reg"u8)) return "sip-wo-reg";
        return null;
    }

    private static Field Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("id"u8)) return Field.Id;
        if (reader.ValueTextEquals("title"u8)) return Field.Title;
        if (reader.ValueTextEquals("orderId"u8)) return Field.OrderId;
        if (reader.ValueTextEquals("connectionType"u8)) return Field.ConnectionType;
        if (reader.ValueTextEquals("params"u8)) return Field.Params;
        if (reader.ValueTextEquals("isDefault"u8)) return Field.IsDefault;
        if (reader.ValueTextEquals("outgoing"u8)) return Field.Outgoing;
        if (reader.ValueTextEquals("incoming"u8)) return Field.Incoming;
        if (reader.ValueTextEquals("channels"u8)) return Field.Channels;
        return Field.Unknown;
    }
}
