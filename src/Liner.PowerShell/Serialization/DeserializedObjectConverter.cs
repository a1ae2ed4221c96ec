using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace Liner.PowerShell.Serialization;

/// <summary>
/// Turns the property bags that jobs, remoting and Import-Clixml make of the module's data objects
/// (<c>Deserialized.Liner.PowerShell.VirtualNumber</c>, ...) back into the objects themselves, so the
/// views, the masks, the computed properties and every filter work on them as on the originals.
/// Liner.PowerShell.Types.ps1xml, which the build writes (Formatting/ModuleFiles), names it for each type (TargetTypeForDeserialization); PowerShell
/// calls it while deserializing, in a session that has the module loaded. Each property that has a
/// setter is taken from the bag by name; fields the API sent that the class does not know come back
/// as extra properties.
/// </summary>
public sealed class DeserializedObjectConverter : PSTypeConverter
{
    private const string Prefix = "Deserialized.";

    /// <summary>The data classes that come back as themselves.</summary>
    private static readonly Type[] Rehydrated = Formatting.ModuleFiles.Rehydrated;

    public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
        sourceValue is PSObject bag && Array.IndexOf(Rehydrated, destinationType) >= 0 && bag.TypeNames.Contains(Prefix + destinationType.FullName);

    public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        Rehydrate((PSObject)sourceValue, destinationType);

    public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

    public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        throw new NotSupportedException();

    private static object Rehydrate(PSObject bag, Type type)
    {
        var target = Activator.CreateInstance(type, nonPublic: true)!;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties())
        {
            names.Add(property.Name);
            var setter = property.GetSetMethod(nonPublic: true);
            if (setter is not null && bag.Properties[property.Name] is { } found && Convert(found.Value, property.PropertyType) is var value && (value is not null || !property.PropertyType.IsValueType))
            {
                setter.Invoke(target, new[] { value });
            }
        }
        if (target is not ApiItem item)
        {
            return target;
        }
        var extra = bag.Properties.Where(property => !names.Contains(property.Name))
            .Select(property => new KeyValuePair<string, object?>(property.Name, Plain(property.Value)))
            .ToList();
        item.ExtraFields = extra;
        return ExtraFields.Attach(item, extra);
    }

    /// <summary>A deserialized value as the type of the property it goes back into.</summary>
    private static object? Convert(object? value, Type type)
    {
        value = Unwrap(value);
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        switch (value)
        {
            case null:
                return null;
            case PSObject bag when Array.IndexOf(Rehydrated, plain) >= 0:
                return Rehydrate(bag, plain);
            case PSObject bag when plain == typeof(DateTimeOffset) && bag.Properties["UtcTicks"]?.Value is long ticks:
                var offset = bag.Properties["Offset"]?.Value is TimeSpan span ? span : TimeSpan.Zero;
                return new DateTimeOffset(ticks + offset.Ticks, offset);
        }
        if (plain == typeof(ApiObject))
        {
            return ToApiObject(value);
        }
        if (ElementType(plain) is { } element && value is IEnumerable items and not string)
        {
            var list = items.Cast<object?>().Select(entry => Convert(entry, element)).ToList();
            var array = Array.CreateInstance(element, list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                array.SetValue(list[i], i);
            }
            return plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(ValueList<>) ? Activator.CreateInstance(plain, array) : array;
        }
        return plain.IsInstanceOfType(value) ? value : LanguagePrimitives.ConvertTo(value, plain, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>T for T[], IReadOnlyList&lt;T&gt; and <see cref="ValueList{T}"/>; null for any other type.</summary>
    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(ValueList<>)) ? type.GetGenericArguments()[0]
        : null;

    /// <summary>A dictionary (a Hashtable after deserialization) as an ApiObject, nested ones too.</summary>
    private static ApiObject ToApiObject(object? value)
    {
        var result = new ApiObject();
        if (Unwrap(value) is IDictionary dictionary)
        {
            var entries = dictionary.GetEnumerator();
            while (entries.MoveNext())
            {
                result[entries.Key.ToString() ?? string.Empty] = Plain(entries.Value);
            }
        }
        return result;
    }

    /// <summary>The value without PowerShell's wrapper; dictionaries as ApiObjects, lists as arrays.</summary>
    private static object? Plain(object? value)
    {
        value = Unwrap(value);
        switch (value)
        {
            case IDictionary and not ApiObject:
                return ToApiObject(value);
            case IList list and not Array:
                var items = new object?[list.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Plain(list[i]);
                }
                return items;
            default:
                return value;
        }
    }

    private static object? Unwrap(object? value) =>
        value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;
}
