using System.Collections.Generic;
using System.Text.Json;
using Liner.PowerShell.Api;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>A custom field of the account's leads or orders, from <c>GET /v2/custom-fields/</c>: what <c>customValues</c> are keyed by.</summary>
[ApiEndpoint("custom field", "v2/custom-fields/", OtherSpelling = "v2/custom-field/")]
public sealed class CustomField : ApiItem
{
    [TableColumn(1, 6, Right = true)]
    public long Id { get; internal set; }

    [TableColumn(2)]
    public string? Title { get; internal set; }

    /// <summary><c>string</c>, <c>int</c>, <c>float</c>, <c>date</c>, <c>datetime</c>, <c>bool</c>, <c>select</c> or <c>multiselect</c>.</summary>
    [TableColumn(3, 11)]
    public string? Type { get; internal set; }

    /// <summary><c>leads</c> or <c>orders</c>.</summary>
    [TableColumn(4, 7)]
    public string? Essence { get; internal set; }

    /// <summary>The choices of a select (<c>params</c>): their codes and titles.</summary>
    [TableColumn(5, 24)]
    [ApiField("params", Reader = typeof(ChoiceListReader))]
    public ValueList<CustomFieldChoice> Choices { get; internal set; } = ValueList<CustomFieldChoice>.Empty;

    public int? Sort { get; internal set; }

    public override string ToString() => $"{Id} {Title}";
}

/// <summary>One choice of a select custom field.</summary>
[Rehydrate]
public sealed class CustomFieldChoice
{
    public string? Code { get; internal set; }

    public string? Title { get; internal set; }

    public int? Sort { get; internal set; }

    public override string ToString() => Code ?? Title ?? string.Empty;
}

/// <summary>A custom field's <c>params</c>: <c>[{code, sort, title}, ...]</c>.</summary>
internal sealed class ChoiceListReader : IFieldReader<ValueList<CustomFieldChoice>>
{
    public ValueList<CustomFieldChoice> Read(ref Utf8JsonReader reader, string field)
    {
        var choices = new List<CustomFieldChoice>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ValueList<CustomFieldChoice>.Empty;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonValueReader.WrongType(ref reader, field, "an array of choices");
        }
        while (true)
        {
            JsonValueReader.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return new ValueList<CustomFieldChoice>(choices);
            }
            var values = JsonValueReader.ReadObject(ref reader, field + "[]");
            choices.Add(new CustomFieldChoice
            {
                Code = values["code"]?.ToString(),
                Title = values["title"]?.ToString(),
                Sort = values["sort"] is { } sort && int.TryParse(sort.ToString(), out var number) ? number : null,
            });
        }
    }
}
