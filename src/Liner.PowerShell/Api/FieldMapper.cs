using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Maps an element to a model by the model's own properties: each settable property is filled from
/// the JSON field of its name in camelCase (or the one <see cref="ApiFieldAttribute"/> names), read as
/// its type says, leniently but never lossily (see <see cref="JsonValueReader"/>). A new model needs no
/// mapper of its own; only a field of an unusual type needs an <see cref="IFieldReader{T}"/>.
/// </summary>
internal sealed class FieldMapper<T> : ObjectMapper<T>
    where T : ApiItem, new()
{
    private delegate void FieldReader(ref Utf8JsonReader value, T item);

    private delegate TValue ValueReader<TValue>(ref Utf8JsonReader value, string field);

    private static readonly Dictionary<string, FieldReader> Fields = BuildFields();
    private static readonly HashSet<string> Names = ExtraFields.NamesOf(typeof(T));

    private readonly Func<T>? _create;

    public FieldMapper(string itemName, Func<T>? create = null)
    {
        ItemName = itemName;
        _create = create;
    }

    public override string ItemName { get; }

    protected override HashSet<string> PropertyNames => Names;

    protected override T Create() => _create?.Invoke() ?? new T();

    protected override bool ReadField(string name, ref Utf8JsonReader value, T item)
    {
        if (!Fields.TryGetValue(name, out var read))
        {
            return false;
        }
        read(ref value, item);
        return true;
    }

    /// <summary>The JSON name a property is read from.</summary>
    internal static string FieldName(PropertyInfo property) =>
        property.GetCustomAttribute<ApiFieldAttribute>()?.Name ?? char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    private static Dictionary<string, FieldReader> BuildFields()
    {
        var fields = new Dictionary<string, FieldReader>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetSetMethod(nonPublic: true) is null || property.IsDefined(typeof(NotFromApiAttribute)))
            {
                continue;
            }
            var name = FieldName(property);
            var make = typeof(FieldMapper<T>).GetMethod(nameof(Field), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(property.PropertyType);
            fields[name] = (FieldReader)make.Invoke(null, new object[] { property, name })!;
        }
        return fields;
    }

    private static FieldReader Field<TValue>(PropertyInfo property, string name)
    {
        var set = (Action<T, TValue>)Delegate.CreateDelegate(typeof(Action<T, TValue>), property.GetSetMethod(nonPublic: true)!);
        var read = ReaderFor<TValue>(property, name);
        return (ref Utf8JsonReader value, T item) => set(item, read(ref value, name));
    }

    private static ValueReader<TValue> ReaderFor<TValue>(PropertyInfo property, string name)
    {
        if (property.GetCustomAttribute<ApiFieldAttribute>()?.Reader is { } readerType)
        {
            var custom = (IFieldReader<TValue>)Activator.CreateInstance(readerType)!;
            return custom.Read;
        }
        var type = typeof(TValue);
        Delegate? reader = type switch
        {
            _ when type == typeof(long) && name == "id" => new ValueReader<long>(JsonValueReader.ReadInt64),
            _ when type == typeof(long) => new ValueReader<long>((ref Utf8JsonReader r, string f) => JsonValueReader.ReadNullableInt64(ref r, f) ?? 0),
            _ when type == typeof(long?) => new ValueReader<long?>(JsonValueReader.ReadNullableInt64),
            _ when type == typeof(int) => new ValueReader<int>((ref Utf8JsonReader r, string f) => JsonValueReader.ReadNullableInt32(ref r, f) ?? 0),
            _ when type == typeof(int?) => new ValueReader<int?>(JsonValueReader.ReadNullableInt32),
            _ when type == typeof(bool) => new ValueReader<bool>((ref Utf8JsonReader r, string f) => JsonValueReader.ReadNullableBoolean(ref r, f) ?? false),
            _ when type == typeof(bool?) => new ValueReader<bool?>(JsonValueReader.ReadNullableBoolean),
            _ when type == typeof(string) => new ValueReader<string?>(JsonValueReader.ReadString),
            _ when type == typeof(DateTimeOffset?) => new ValueReader<DateTimeOffset?>(JsonValueReader.ReadDateTimeOffset),
            _ when type == typeof(ValueList<long>) => new ValueReader<ValueList<long>>((ref Utf8JsonReader r, string f) => new ValueList<long>(JsonValueReader.ReadInt64Array(ref r, f))),
            _ when type == typeof(ValueList<string>) => new ValueReader<ValueList<string>>((ref Utf8JsonReader r, string f) => new ValueList<string>(JsonValueReader.ReadStringArray(ref r, f))),
            _ when type == typeof(ApiObject) => new ValueReader<ApiObject>(JsonValueReader.ReadObject),
            _ when type == typeof(Uri) => new ValueReader<Uri?>(ReadWebAddress),
            _ => null,
        };
        return reader as ValueReader<TValue>
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a {type.Name}, which needs [ApiField(Reader = ...)] or [NotFromApi].");
    }

    /// <summary>An absolute http or https address; null or "" reads as none.</summary>
    private static Uri? ReadWebAddress(ref Utf8JsonReader reader, string field)
    {
        var text = JsonValueReader.ReadString(ref reader, field);
        // On Linux "/r/5.mp3" parses as an absolute file: URI; only http and https are addresses to download from.
        return string.IsNullOrEmpty(text) ? null
            : Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri
            : throw new ResponseShapeException($"field '{field}' is '{text}', which is not an absolute http or https URL");
    }
}
