using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Reads one JSON value at the reader's current token into a .NET value. Typed readers are lenient
/// where nothing is lost (an id sent as "123", a flag sent as 1) and throw
/// <see cref="ResponseShapeException"/> where a value cannot mean what the field needs.
/// </summary>
internal static class JsonValueReader
{
    /// <summary>Moves to the next token; the value being read must continue, so running out of bytes means "not yet".</summary>
    /// <exception cref="IncompleteJsonException">The buffer ends before the next token.</exception>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new IncompleteJsonException();
        }
    }

    /// <summary>Moves to the next property of the object being read: true on its name, false on the object's end.</summary>
    /// <exception cref="IncompleteJsonException">The buffer ends before the next token.</exception>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType != JsonTokenType.EndObject;
    }

    /// <summary>Skips the value at the reader's token, which must be complete in the buffer.</summary>
    /// <exception cref="IncompleteJsonException">The buffer ends inside the value.</exception>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new IncompleteJsonException();
        }
    }

    public static long ReadInt64(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var value))
                {
                    return value;
                }
                if (reader.TryGetDouble(out var real) && Math.Floor(real) == real && real >= long.MinValue && real <= long.MaxValue)
                {
                    return (long)real;
                }
                break;
            case JsonTokenType.String:
                if (Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var length) && length == reader.ValueSpan.Length && !reader.ValueIsEscaped)
                {
                    return parsed;
                }
                break;
        }
        throw WrongType(ref reader, field, "an integer");
    }

    public static long? ReadNullableInt64(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadInt64(ref reader, field);

    public static int ReadInt32(ref Utf8JsonReader reader, string field)
    {
        var value = ReadInt64(ref reader, field);
        if (value < int.MinValue || value > int.MaxValue)
        {
            throw new ResponseShapeException($"field '{field}' is {value}, which is out of range for a 32-bit whole number");
        }
        return (int)value;
    }

    public static bool ReadBoolean(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && (number == 0 || number == 1):
                return number == 1;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1")
                {
                    return true;
                }
                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0")
                {
                    return false;
                }
                break;
        }
        throw WrongType(ref reader, field, "true or false");
    }

    public static string? ReadString(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                // A scalar of another type still reads as text without losing anything.
                return RawText(ref reader);
        }
        throw WrongType(ref reader, field, "a string");
    }

    public static ApiObject ReadObject(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new ApiObject();
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw WrongType(ref reader, field, "an object");
        }
        var result = new ApiObject();
        while (NextProperty(ref reader))
        {
            var key = reader.GetString()!;
            Next(ref reader);
            result[key] = ReadAny(ref reader);
        }
        return result;
    }

    /// <summary>Any JSON value: string, long or double, bool, null, <see cref="ApiObject"/> or object[].</summary>
    public static object? ReadAny(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                {
                    return integer;
                }
                return reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, "value");
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return items.ToArray();
                    }
                    items.Add(ReadAny(ref reader));
                }
            default:
                return null;
        }
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static ResponseShapeException WrongType(ref Utf8JsonReader reader, string field, string expected)
    {
        var shown = reader.TokenType is JsonTokenType.String or JsonTokenType.Number
            ? $" ({Truncate(reader.TokenType == JsonTokenType.String ? reader.GetString() : RawText(ref reader))})"
            : string.Empty;
        return new ResponseShapeException($"field '{field}' is {Describe(reader.TokenType)}{shown} where {expected} was expected");
    }

    /// <summary>A number or literal exactly as the JSON spells it.</summary>
    private static string RawText(ref Utf8JsonReader reader) => System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());

    private static string? Truncate(string? text) =>
        text is { Length: > 40 } ? text.Substring(0, 40) + "…" : text;
}
