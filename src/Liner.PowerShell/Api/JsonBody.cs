using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// The JSON body of a write: exactly the fields put in it (the parameters the user bound), in order.
/// <c>$false</c>, <c>0</c>, <c>''</c> and <c>$null</c> given on purpose are sent as such: the API clears
/// a field on <c>""</c> or <c>null</c>. Each attempt gets new content from <see cref="ToContent"/>.
/// </summary>
internal sealed class JsonBody
{
    private readonly List<KeyValuePair<string, object?>> _fields = new();

    public int Count => _fields.Count;

    public IEnumerable<string> Names
    {
        get
        {
            foreach (var entry in _fields)
            {
                yield return entry.Key;
            }
        }
    }

    /// <summary>Sets <paramref name="name"/> (replacing an earlier value of the same name).</summary>
    public JsonBody Set(string name, object? value)
    {
        _fields.RemoveAll(field => field.Key == name);
        _fields.Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }

    public bool Has(string name) => _fields.Exists(field => field.Key == name);

    public object? this[string name] => _fields.Find(field => field.Key == name).Value;

    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(ToBytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: the body is not HTML, and Cyrillic names and + in phones stay readable in -Debug and in logs.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var field in _fields)
            {
                writer.WritePropertyName(field.Key);
                Write(writer, field.Value);
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToBytes());

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        // The numbers below convert the value itself: a wrapped one (PSObject is not IConvertible) would throw.
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case SwitchParameter flag:
                writer.WriteBooleanValue(flag.IsPresent);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong big:
                writer.WriteNumberValue(big);
                break;
            case double or float or decimal:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                writer.WriteStringValue(Query.Iso(new DateTimeOffset(time)));
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(Query.Iso(time));
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case var other:
                writer.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture));
                break;
        }
    }
}

/// <summary>Marks a write cmdlet's parameter that goes into the request body as the field <see cref="Name"/> when bound.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ApiBodyAttribute : Attribute
{
    public ApiBodyAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
