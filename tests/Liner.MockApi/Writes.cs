using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Liner.MockApi;

/// <summary>
/// Checks one field's value (never null or <c>""</c>, which clear a field) and answers what to store;
/// throws <see cref="ApiError"/> naming the field when the value is bad.
/// </summary>
internal delegate JsonNode? FieldCheck(string name, JsonNode value, Store store);

/// <summary>
/// One field a write takes. <paramref name="Required"/>: a create must send it, and an update cannot
/// clear it. <paramref name="Clearable"/>: <c>""</c> or null stores <paramref name="Cleared"/> (null or
/// an empty array); false for a flag, which takes only true or false.
/// </summary>
internal sealed record FieldSpec(string Name, FieldCheck Check, bool Required = false, bool Clearable = true, Func<JsonNode?>? Cleared = null);

/// <summary>The fields of one kind of write, and the checks every write shares.</summary>
internal static partial class Fields
{
    /// <summary>
    /// Checks a write's body: an unknown field (or one <paramref name="refused"/>) is refused first, then
    /// a required one missing from a create, then each value in the body's order. Answers the fields to
    /// change, in the body's order, a cleared one as null (or its empty value).
    /// </summary>
    public static List<(string Name, JsonNode? Value)> Check(JsonObject body, IReadOnlyList<FieldSpec> fields, bool create, Store store, IReadOnlySet<string>? refused = null)
    {
        var byName = fields.ToDictionary(field => field.Name, StringComparer.Ordinal);
        foreach (var (name, _) in body)
        {
            if (!byName.ContainsKey(name) || refused?.Contains(name) == true)
            {
                throw ApiError.Unknown(name);
            }
        }
        if (create)
        {
            foreach (var field in fields.Where(field => field.Required))
            {
                if (!body.TryGetPropertyValue(field.Name, out var value) || IsEmpty(value))
                {
                    throw ApiError.Required(field.Name);
                }
            }
        }
        var changes = new List<(string, JsonNode?)>();
        foreach (var (name, value) in body)
        {
            var field = byName[name];
            if (!IsEmpty(value))
            {
                changes.Add((name, field.Check(name, value!, store)));
            }
            else if (field.Required)
            {
                throw new ApiError(400, $"Field '{name}' cannot be empty");
            }
            else if (!field.Clearable)
            {
                throw ApiError.Invalid(name, $"expected true or false, not {value?.ToJsonString() ?? "null"}");
            }
            else
            {
                changes.Add((name, field.Cleared?.Invoke()));
            }
        }
        return changes;
    }

    /// <summary>null, or the empty string: what clears a field.</summary>
    public static bool IsEmpty(JsonNode? value) => value is null || (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0);

    public static FieldSpec Text(string name, bool required = false) => new(name, (field, value, _) => JsonValue.Create(String(field, value)), required);

    /// <summary>A phone number: 10 to 15 digits, a + in front or not.</summary>
    public static FieldSpec Phone(string name, bool required = false) => new(name, (field, value, _) => JsonValue.Create(PhoneText(field, value)), required);

    public static FieldSpec Integer(string name, long min = long.MinValue, long max = long.MaxValue) => new(name, (field, value, _) =>
    {
        var number = Number(field, value);
        return number >= min && number <= max ? JsonValue.Create(number) : throw ApiError.Invalid(field, $"{number} is not from {min} to {max}");
    });

    public static FieldSpec Flag(string name) => new(name, (field, value, _) => JsonValue.Create(Bool(field, value)), Clearable: false);

    public static FieldSpec OneOf(string name, bool required, params string[] values) => new(name, (field, value, _) =>
    {
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return text is not null && values.Contains(text, StringComparer.Ordinal)
            ? JsonValue.Create(text)
            : throw ApiError.Invalid(field, $"{value.ToJsonString()} is not one of {string.Join(", ", values)}");
    }, required);

    /// <summary>An id that <paramref name="exists"/> in the store (a <paramref name="noun"/>).</summary>
    public static FieldSpec Id(string name, string noun, Func<Store, long, bool> exists, bool required = false) => new(name, (field, value, store) =>
    {
        var id = Number(field, value);
        return exists(store, id) ? JsonValue.Create(id) : throw ApiError.Invalid(field, $"no {noun} has the id {id}");
    }, required);

    /// <summary>An array of ids that each <paramref name="exists"/> in the store; empty clears it.</summary>
    public static FieldSpec Ids(string name, string noun, Func<Store, long, bool> exists, bool required = false) => new(name, (field, value, store) =>
    {
        var ids = new JsonArray();
        foreach (var element in Array(field, value, "an array of ids"))
        {
            var id = element is null ? throw ApiError.Invalid(field, "expected an array of ids, found null in it") : Number(field, element);
            ids.Add(exists(store, id) ? id : throw ApiError.Invalid(field, $"no {noun} has the id {id}"));
        }
        return ids;
    }, required, Cleared: () => new JsonArray());

    /// <summary>An array of strings, each checked by <paramref name="check"/>; empty clears it.</summary>
    public static FieldSpec Strings(string name, string what, Func<string, JsonNode, string> check) => new(name, (field, value, _) =>
    {
        var list = new JsonArray();
        foreach (var element in Array(field, value, what))
        {
            list.Add(element is null ? throw ApiError.Invalid(field, $"expected {what}, found null in it") : check(field, element));
        }
        return list;
    }, Cleared: () => new JsonArray());

    public static string String(string field, JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw ApiError.Invalid(field, $"expected a string, not {value.ToJsonString()}");

    public static string PhoneText(string field, JsonNode value)
    {
        var text = String(field, value);
        return PhonePattern().IsMatch(text) ? text : throw ApiError.Invalid(field, $"'{text}' is not a phone number: 10 to 15 digits, a + in front or not");
    }

    public static long Number(string field, JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ApiError.Invalid(field, $"expected a whole number, not {value.ToJsonString()}");

    public static bool Bool(string field, JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw ApiError.Invalid(field, $"expected true or false, not {value?.ToJsonString() ?? "null"}"),
    };

    public static JsonArray Array(string field, JsonNode value, string what) =>
        value as JsonArray ?? throw ApiError.Invalid(field, $"expected {what}, not {value.ToJsonString()}");

    /// <summary>A time of day as the schedules write it: 00:00 to 23:59, or 24:00.</summary>
    public static string Time(string field, JsonNode value)
    {
        var text = String(field, value);
        return TimePattern().IsMatch(text) ? text : throw ApiError.Invalid(field, $"'{text}' is not a time HH:MM");
    }

    public static string Date(string field, JsonNode value)
    {
        var text = String(field, value);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text : throw ApiError.Invalid(field, $"'{text}' is not a date yyyy-MM-dd");
    }

    /// <summary>Applies checked <paramref name="changes"/> to a copy of <paramref name="item"/>, sets its updatedAt when it has one, and answers the copy.</summary>
    public static JsonObject Apply(JsonObject item, IEnumerable<(string Name, JsonNode? Value)> changes)
    {
        var copy = (JsonObject)item.DeepClone();
        foreach (var (name, value) in changes)
        {
            copy[name] = value;
        }
        if (copy.ContainsKey("updatedAt"))
        {
            copy["updatedAt"] = Now();
        }
        return copy;
    }

    /// <summary>Now, as the API writes times.</summary>
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+?\d{10,15}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(([01]\d|2[0-3]):[0-5]\d|24:00)$")]
    private static partial Regex TimePattern();
}
