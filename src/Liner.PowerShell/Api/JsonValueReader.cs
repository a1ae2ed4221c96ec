using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Reads JSON values into .NET values. <see cref="TryNextProperty"/> and <see cref="TryValue"/> walk an
/// object whose end may not have arrived yet: they say false, and leave the caller to try again with
/// more bytes. Every other method reads a value that is complete in the buffer. Typed readers are
/// lenient where nothing is lost (an id sent as "123", a flag sent as 1) and throw
/// <see cref="ResponseShapeException"/> where a value cannot mean what the field needs.
/// </summary>
internal static class JsonValueReader
{
    // 2^63: the first whole number a long cannot hold, exactly representable as a double.
    private const double TwoToThe63 = 9223372036854775808.0;

    /// <summary>
    /// Moves to the next property of the object being read: true with the reader on its name, or on
    /// the object's end (<paramref name="end"/>); false when the buffer ends first.
    /// </summary>
    public static bool TryNextProperty(ref Utf8JsonReader reader, out bool end)
    {
        end = false;
        if (!reader.Read())
        {
            return false;
        }
        end = reader.TokenType == JsonTokenType.EndObject;
        return true;
    }

    /// <summary>
    /// Moves from a property name to its value and makes sure all of it is in the buffer: true with
    /// <paramref name="value"/> on the value's first token and the reader on its last; false when the
    /// buffer ends inside it.
    /// </summary>
    public static bool TryValue(ref Utf8JsonReader reader, out Utf8JsonReader value)
    {
        value = default;
        if (!reader.Read())
        {
            return false;
        }
        value = reader;
        return reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip();
    }

    /// <summary>The next token of a value that is complete in the buffer.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ResponseShapeException("a value ends before its JSON is complete");
        }
    }

    /// <summary>Moves to the next property of a complete object: true on its name, false on the object's end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType != JsonTokenType.EndObject;
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
                if (IsWholeNumber(reader.ValueSpan))
                {
                    throw new ResponseShapeException($"field '{field}' is {RawText(ref reader)}, which is outside the range of a 64-bit whole number");
                }
                // 1.01e2 is 101; 9.2233720368547758e18 is not a long, and is never clamped to one.
                if (reader.TryGetDouble(out var real) && Math.Floor(real) == real)
                {
                    if (real >= -TwoToThe63 && real < TwoToThe63)
                    {
                        return (long)real;
                    }
                    throw new ResponseShapeException($"field '{field}' is {RawText(ref reader)}, which is outside the range of a 64-bit whole number");
                }
                break;
            case JsonTokenType.String:
                var text = ReadText(ref reader, field);
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
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
                var text = ReadText(ref reader, field);
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

    public static bool? ReadNullableBoolean(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader, field);

    public static int? ReadNullableInt32(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadInt32(ref reader, field);

    /// <summary>An ISO 8601 time; null reads as null.</summary>
    public static DateTimeOffset? ReadDateTimeOffset(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        var text = reader.TokenType == JsonTokenType.String ? ReadText(ref reader, field) : null;
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        throw WrongType(ref reader, field, "a date and time (ISO 8601)");
    }

    /// <summary>An array of whole numbers (ids); null reads as none.</summary>
    public static long[] ReadInt64Array(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new long[0];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, field, "an array of ids");
        }
        var ids = new List<long>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return ids.ToArray();
            }
            ids.Add(ReadInt64(ref reader, field + "[]"));
        }
    }

    /// <summary>An array of strings; null reads as none.</summary>
    public static string[] ReadStringArray(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new string[0];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, field, "an array of strings");
        }
        var items = new List<string>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items.ToArray();
            }
            items.Add(ReadString(ref reader, field + "[]") ?? string.Empty);
        }
    }

    /// <summary>An array of arrays of strings (such as time pairs); null reads as none.</summary>
    public static string[][] ReadStringArrays(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new string[0][];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, field, "an array of arrays");
        }
        var items = new List<string[]>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items.ToArray();
            }
            items.Add(ReadStringArray(ref reader, field + "[]"));
        }
    }

    public static string? ReadString(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ReadText(ref reader, field);
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

    /// <summary>A complete object as an <see cref="ApiObject"/>; null reads as an empty one.</summary>
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
            // Names for messages are only the names at hand: joining "params." to each key would cost a
            // string per value of every number read.
            var key = ReadText(ref reader, field);
            Next(ref reader);
            result.Set(key, ReadAny(ref reader, key));
        }
        return result;
    }

    /// <summary>
    /// Any complete JSON value: string, bool, null, <see cref="ApiObject"/>, object[], or a number kept
    /// exact: long, else BigInteger for larger whole numbers, else decimal, else double.
    /// </summary>
    public static object? ReadAny(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ReadText(ref reader, field);
            case JsonTokenType.Number:
                return ReadNumber(ref reader);
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, field);
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return items.ToArray();
                    }
                    items.Add(ReadAny(ref reader, field));
                }
            default:
                return null;
        }
    }

    /// <summary>A string value; text that is not valid UTF-8 (or a lone surrogate) is an error naming the field.</summary>
    public static string ReadText(ref Utf8JsonReader reader, string field)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new ResponseShapeException($"field '{field}' is not valid text (invalid UTF-8, or a lone surrogate escape)");
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

    private static object ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var integer))
        {
            return integer;
        }
        var raw = RawText(ref reader);
        if (IsWholeNumber(reader.ValueSpan))
        {
            return BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        // decimal keeps up to 28 significant digits exactly; beyond that, or out of its range, double.
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && (exact != 0 || reader.GetDouble() == 0))
        {
            return exact;
        }
        return reader.GetDouble();
    }

    private static bool IsWholeNumber(ReadOnlySpan<byte> number)
    {
        foreach (var b in number)
        {
            if (b is (byte)'.' or (byte)'e' or (byte)'E')
            {
                return false;
            }
        }
        return true;
    }

    internal static ResponseShapeException WrongType(ref Utf8JsonReader reader, string field, string expected)
    {
        string shown;
        try
        {
            shown = reader.TokenType is JsonTokenType.String or JsonTokenType.Number
                ? $" ({Truncate(reader.TokenType == JsonTokenType.String ? reader.GetString() : RawText(ref reader))})"
                : string.Empty;
        }
        catch (InvalidOperationException)
        {
            shown = string.Empty;
        }
        return new ResponseShapeException($"field '{field}' is {Describe(reader.TokenType)}{shown} where {expected} was expected");
    }

    /// <summary>A number or literal exactly as the JSON spells it.</summary>
    private static string RawText(ref Utf8JsonReader reader) => System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());

    private static string? Truncate(string? text) =>
        text is { Length: > 40 } ? text.Substring(0, 40) + "…" : text;
}
