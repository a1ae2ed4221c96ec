using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// The account's custom fields (<c>sample-custom-fields.json</c>: 11 to 18 for leads, one of each type;
/// 21 and 22 for orders), and the check of a <c>customValues</c> object against them.
/// </summary>
internal static class CustomFields
{
    public static IReadOnlyList<JsonObject> All => Samples.Load("sample-custom-fields.json");

    /// <summary>The fields of one essence (<c>leads</c>, <c>orders</c>), or all of them for null.</summary>
    public static IReadOnlyList<JsonObject> Of(string? essence) =>
        All.Where(field => essence is null || (string?)field["essence"] == essence).ToList();

    /// <summary>
    /// A <c>customValues</c> object keyed by the ids (as strings) of custom fields of <paramref name="essence"/>,
    /// each value checked loosely against its field's type. Answers the values to store, a cleared one
    /// (<c>""</c> or null) as null.
    /// </summary>
    public static FieldSpec Values(string name, string essence) => new(name, (field, value, _) =>
    {
        var values = value as JsonObject ?? throw ApiError.Invalid(field, $"expected an object keyed by custom field id, not {value.ToJsonString()}");
        var checkedValues = new JsonObject();
        foreach (var (key, entry) in values)
        {
            var custom = Of(essence).FirstOrDefault(candidate => candidate["id"].AsId().ToString(CultureInfo.InvariantCulture) == key)
                ?? throw ApiError.Invalid(field, $"'{key}' is not the id of a custom field of {essence}");
            checkedValues[key] = Fields.IsEmpty(entry) ? null : Check(field, key, custom, entry!);
        }
        return checkedValues;
    });

    /// <summary>Loosely, as a PHP server would: numbers may come as strings, flags as 0 and 1, a choice by code or title.</summary>
    private static JsonNode Check(string field, string key, JsonObject custom, JsonNode value)
    {
        var type = (string)custom["type"]!;
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : kind == JsonValueKind.Number ? value.ToJsonString() : null;
        var ok = type switch
        {
            "string" => kind is JsonValueKind.String or JsonValueKind.Number,
            "int" => text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "float" => text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "date" or "datetime" => kind == JsonValueKind.String && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            "bool" => kind is JsonValueKind.True or JsonValueKind.False || text is "0" or "1" or "true" or "false",
            "select" => text is not null && IsChoice(custom, text),
            "multiselect" => value is JsonArray list
                ? list.All(element => element?.GetValueKind() == JsonValueKind.String && IsChoice(custom, element.GetValue<string>()))
                : text is not null && IsChoice(custom, text),
            _ => true,
        };
        return ok
            ? value.DeepClone()
            : throw ApiError.Invalid(field, $"custom field {key} ({custom["title"]}, {type}) cannot take {value.ToJsonString()}");
    }

    private static bool IsChoice(JsonObject custom, string text) =>
        custom["params"] is JsonArray choices && choices.Any(choice =>
            string.Equals((string?)choice?["code"], text, StringComparison.Ordinal) || string.Equals((string?)choice?["title"], text, StringComparison.OrdinalIgnoreCase));
}
