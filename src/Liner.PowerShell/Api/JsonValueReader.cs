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

    // decimal's coefficient is 96 bits and its scale (digits after the point) at most 28.
    private const int MaxDecimalScale = 28;

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
        if (!end)
        {
            EnsureNameIsText(ref reader);
        }
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

    /// <summary>
    /// Moves to the next property of a complete object: true on its name, false on the object's end.
    /// <paramref name="within"/> names the object in the message for a name that is not valid text.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader, string? within = null)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }
        EnsureNameIsText(ref reader, within);
        return true;
    }

    /// <summary>
    /// Refuses a property name that cannot become a string (a lone surrogate escape, invalid UTF-8) with
    /// the same error a value gets. Callers compare names with ValueTextEquals, which would otherwise
    /// throw the runtime's own InvalidOperationException for such a name.
    /// </summary>
    public static void EnsureNameIsText(ref Utf8JsonReader reader, string? within = null)
    {
        if (!reader.ValueIsEscaped && IsAscii(reader.ValueSpan))
        {
            return;
        }
        try
        {
            reader.GetString();
        }
        catch (InvalidOperationException)
        {
            var where = within is null ? string.Empty : $" in '{within}'";
            throw new ResponseShapeException($"a field name{where} is not valid text (invalid UTF-8, or a lone surrogate escape)");
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
        while (NextProperty(ref reader, field))
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
    /// exact: long, else BigInteger for larger whole numbers, else decimal when it holds every digit,
    /// else the nearest double (see <see cref="ReadNumber"/>).
    /// </summary>
    public static object? ReadAny(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ReadText(ref reader, field);
            case JsonTokenType.Number:
                return ReadNumber(ref reader, field);
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

    /// <summary>
    /// A number kept exact, or else as the nearest double. Text without a point or an exponent is a
    /// whole number: long, else BigInteger. Any other text is a decimal when one holds every digit of it
    /// (1.50 keeps its scale, 1e2 is 100, -0.0 is 0.0), else the double nearest to it: a decimal that
    /// rounds (more than 28 places, or about 29 significant digits) would keep fewer digits than the
    /// double does. Beyond the double's range (1e400) no .NET number type holds the value, and it is
    /// refused naming the field: infinity would be another number, and a BigInteger for 1e999999999
    /// would take hundreds of megabytes.
    /// </summary>
    private static object ReadNumber(ref Utf8JsonReader reader, string field)
    {
        if (reader.TryGetInt64(out var integer))
        {
            return integer;
        }
        var text = reader.ValueSpan;
        if (IsWholeNumber(text))
        {
            return BigInteger.Parse(RawText(ref reader), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        if (TryExactDecimal(text, out var exact))
        {
            return exact;
        }
        // Some System.Text.Json versions read 1e400 as infinity, others refuse it.
        if (reader.TryGetDouble(out var real) && !double.IsInfinity(real))
        {
            return real;
        }
        throw new ResponseShapeException($"field '{field}' is {Truncate(RawText(ref reader))}, which is beyond the range of any number type (about ±1.8e308)");
    }

    /// <summary>The value of a JSON number as a decimal, when a decimal holds it exactly.</summary>
    private static bool TryExactDecimal(ReadOnlySpan<byte> number, out decimal value)
    {
        value = default;
        var i = 0;
        var negative = number[0] == (byte)'-';
        if (negative)
        {
            i++;
        }

        // The coefficient: the digits from the first non-zero one to the last non-zero one. Zeros after
        // a non-zero digit are held back until another non-zero digit follows, so trailing zeros (any
        // number of them) never overflow it.
        var coefficient = default(UInt96);
        var started = false;
        var heldZeros = 0;
        var fractionDigits = 0;
        var inFraction = false;
        for (; i < number.Length; i++)
        {
            var b = number[i];
            if (b == (byte)'.')
            {
                inFraction = true;
                continue;
            }
            if (b is (byte)'e' or (byte)'E')
            {
                break;
            }
            if (inFraction)
            {
                fractionDigits++;
            }
            var digit = (uint)(b - '0');
            if (digit == 0)
            {
                heldZeros += started ? 1 : 0;
                continue;
            }
            for (; heldZeros > 0; heldZeros--)
            {
                if (!coefficient.TryMultiplyAdd(0))
                {
                    return false;
                }
            }
            if (!coefficient.TryMultiplyAdd(digit))
            {
                return false;
            }
            started = true;
        }
        var exponent = ReadExponent(number, i);

        // The text's own scale (1.50e1 has 1), which the decimal keeps where it can.
        var textScale = fractionDigits - exponent;
        if (!started)
        {
            value = new decimal(0, 0, 0, false, (byte)Math.Max(0, Math.Min(textScale, MaxDecimalScale)));
            return true;
        }

        // The value is coefficient × 10^power; the smallest scale that holds it is -power.
        var power = exponent - fractionDigits + heldZeros;
        var scale = Math.Max(0, -power);
        if (scale > MaxDecimalScale)
        {
            return false;
        }
        for (var p = power; p > 0; p--)
        {
            if (!coefficient.TryMultiplyAdd(0))
            {
                return false;
            }
        }
        for (; scale < Math.Min(textScale, MaxDecimalScale); scale++)
        {
            if (!coefficient.TryMultiplyAdd(0))
            {
                break;
            }
        }
        value = new decimal((int)coefficient.Low, (int)coefficient.Mid, (int)coefficient.High, negative, (byte)scale);
        return true;
    }

    /// <summary>The exponent after position <paramref name="at"/> (an 'e' or the end), saturated far beyond any decimal's reach.</summary>
    private static long ReadExponent(ReadOnlySpan<byte> number, int at)
    {
        if (at >= number.Length)
        {
            return 0;
        }
        var i = at + 1;
        var negative = false;
        if (number[i] is (byte)'+' or (byte)'-')
        {
            negative = number[i] == (byte)'-';
            i++;
        }
        long exponent = 0;
        for (; i < number.Length; i++)
        {
            exponent = Math.Min(exponent * 10 + (number[i] - '0'), int.MaxValue);
        }
        return negative ? -exponent : exponent;
    }

    /// <summary>A decimal's 96-bit coefficient while it is built digit by digit.</summary>
    private struct UInt96
    {
        public uint Low;
        public uint Mid;
        public uint High;

        /// <summary>this × 10 + <paramref name="digit"/>; false, with this unchanged, on overflow.</summary>
        public bool TryMultiplyAdd(uint digit)
        {
            var carry = (ulong)Low * 10 + digit;
            var low = (uint)carry;
            carry = (ulong)Mid * 10 + (carry >> 32);
            var mid = (uint)carry;
            carry = (ulong)High * 10 + (carry >> 32);
            if (carry >> 32 != 0)
            {
                return false;
            }
            Low = low;
            Mid = mid;
            High = (uint)carry;
            return true;
        }
    }

    private static bool IsAscii(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }
        return true;
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
