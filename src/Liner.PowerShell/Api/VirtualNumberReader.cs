using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Maps one element of the virtual-numbers <c>data</c> array, read straight from the response bytes,
/// to a <see cref="VirtualNumber"/>. Field names match case-insensitively; unknown fields are kept.
/// </summary>
internal static class VirtualNumberReader
{
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

    private static readonly Dictionary<string, Field> FieldsByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = Field.Id,
        ["title"] = Field.Title,
        ["orderId"] = Field.OrderId,
        ["connectionType"] = Field.ConnectionType,
        ["params"] = Field.Params,
        ["isDefault"] = Field.IsDefault,
        ["outgoing"] = Field.Outgoing,
        ["incoming"] = Field.Incoming,
        ["channels"] = Field.Channels,
    };

    // Names that the module itself defines on VirtualNumber without the API sending them.
    private static readonly HashSet<string> ComputedNames = new(StringComparer.OrdinalIgnoreCase) { "Phone", "Direction", "Number" };

    /// <summary>
    /// Reads the object at the reader's StartObject token, leaving the reader on its EndObject. When
    /// <paramref name="wanted"/> says no to the number's own fields, its params are never turned into
    /// objects and null is returned. Nothing is called or returned before the whole object has been
    /// read, so a buffer that ends inside it (<see cref="IncompleteJsonException"/>) leaves no trace.
    /// </summary>
    public static VirtualNumber? Read(ref Utf8JsonReader reader, Func<VirtualNumber, bool>? wanted)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ResponseShapeException($"it is {JsonValueReader.Describe(reader.TokenType)} where an object was expected");
        }

        var number = new VirtualNumber();
        var hasId = false;
        var paramsReader = default(Utf8JsonReader);
        var hasParams = false;
        List<KeyValuePair<string, object?>>? extra = null;

        while (JsonValueReader.NextProperty(ref reader))
        {
            var field = Identify(ref reader, out var unknownName);
            JsonValueReader.Next(ref reader);
            switch (field)
            {
                case Field.Id:
                    number.Id = JsonValueReader.ReadInt64(ref reader, "id");
                    hasId = true;
                    break;
                case Field.Title:
                    number.Title = JsonValueReader.ReadString(ref reader, "title");
                    break;
                case Field.OrderId:
                    number.OrderId = JsonValueReader.ReadNullableInt64(ref reader, "orderId");
                    break;
                case Field.ConnectionType:
                    number.ConnectionType = KnownConnectionType(ref reader) ?? JsonValueReader.ReadString(ref reader, "connectionType");
                    break;
                case Field.Params:
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
                    {
                        JsonValueReader.ReadObject(ref reader, "params");
                    }
                    // Read after the number's own fields, and only if the number is wanted.
                    paramsReader = reader;
                    hasParams = true;
                    JsonValueReader.Skip(ref reader);
                    break;
                case Field.IsDefault:
                    number.IsDefault = JsonValueReader.ReadBoolean(ref reader, "isDefault");
                    break;
                case Field.Outgoing:
                    number.Outgoing = JsonValueReader.ReadBoolean(ref reader, "outgoing");
                    break;
                case Field.Incoming:
                    number.Incoming = JsonValueReader.ReadBoolean(ref reader, "incoming");
                    break;
                case Field.Channels:
                    number.Channels = JsonValueReader.ReadInt32(ref reader, "channels");
                    break;
                default:
                    extra ??= new List<KeyValuePair<string, object?>>();
                    var name = ComputedNames.Contains(unknownName!) ? "Api" + char.ToUpperInvariant(unknownName![0]) + unknownName.Substring(1) : unknownName!;
                    extra.Add(new KeyValuePair<string, object?>(name, JsonValueReader.ReadAny(ref reader)));
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
        if (wanted is not null && !wanted(number))
        {
            return null;
        }
        if (hasParams)
        {
            number.Params = JsonValueReader.ReadObject(ref paramsReader, "params");
        }
        return number;
    }

    /// <summary>Reads every number, whatever its fields.</summary>
    public static VirtualNumber Read(ref Utf8JsonReader reader) => Read(ref reader, null)!;

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

    private static Field Identify(ref Utf8JsonReader reader, out string? unknownName)
    {
        unknownName = null;
        // The documented camelCase spellings first: no string is made for them.
        if (reader.ValueTextEquals("id"u8)) return Field.Id;
        if (reader.ValueTextEquals("title"u8)) return Field.Title;
        if (reader.ValueTextEquals("orderId"u8)) return Field.OrderId;
        if (reader.ValueTextEquals("connectionType"u8)) return Field.ConnectionType;
        if (reader.ValueTextEquals("params"u8)) return Field.Params;
        if (reader.ValueTextEquals("isDefault"u8)) return Field.IsDefault;
        if (reader.ValueTextEquals("outgoing"u8)) return Field.Outgoing;
        if (reader.ValueTextEquals("incoming"u8)) return Field.Incoming;
        if (reader.ValueTextEquals("channels"u8)) return Field.Channels;

        var name = reader.GetString()!;
        if (FieldsByName.TryGetValue(name, out var field))
        {
            return field;
        }
        unknownName = name;
        return Field.Unknown;
    }
}
