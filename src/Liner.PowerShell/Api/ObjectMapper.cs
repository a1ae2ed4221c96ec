using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// The walk every mapper of a JSON object shares: each documented field (by its exact name) into the
/// model, every other field kept as an extra property under a name that hides nothing, an element
/// without <c>id</c> refused, and "not yet" when the buffer ends inside the element.
/// </summary>
internal abstract class ObjectMapper<T> : IItemMapper<T>
    where T : ApiItem
{
    public abstract string ItemName { get; }

    /// <summary>The model's property names, which extra fields must not take.</summary>
    protected abstract HashSet<string> PropertyNames { get; }

    protected abstract T Create();

    /// <summary>Reads the documented field <paramref name="name"/> into <paramref name="item"/>; false when it is not one.</summary>
    protected abstract bool ReadField(string name, ref Utf8JsonReader value, T item);

    public MapResult Map(ref Utf8JsonReader reader, out T? item)
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

        var result = Create();
        var hasId = false;
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
            var name = JsonValueReader.ReadText(ref reader, "name");
            if (!JsonValueReader.TryValue(ref reader, out var value))
            {
                return MapResult.Incomplete;
            }
            if (ReadField(name, ref value, result))
            {
                hasId |= name == "id";
            }
            else
            {
                extra ??= new List<KeyValuePair<string, object?>>();
                extra.Add(new KeyValuePair<string, object?>(ExtraFields.PropertyName(name, PropertyNames), JsonValueReader.ReadAny(ref value, name)));
            }
        }
        if (!hasId)
        {
            throw new ResponseShapeException("it has no 'id'");
        }
        if (extra is not null)
        {
            result.ExtraFields = extra;
        }
        item = result;
        return MapResult.Item;
    }
}
