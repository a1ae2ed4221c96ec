using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Liner.PowerShell.Serialization;

/// <summary>
/// Turns the property bags that jobs, remoting and Import-Clixml make of the module's data objects
/// (<c>Deserialized.Liner.PowerShell.VirtualNumber</c>, ...) back into the objects themselves, so the
/// views, the masks, <c>Number</c> and every filter work on them as on the originals.
/// Liner.PowerShell.Types.ps1xml names it for each type (TargetTypeForDeserialization); PowerShell
/// calls it while deserializing, in a session that has the module loaded.
/// </summary>
public sealed class DeserializedObjectConverter : PSTypeConverter
{
    private const string Prefix = "Deserialized.";

    public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
        sourceValue is PSObject bag && bag.TypeNames.Contains(Prefix + destinationType.FullName)
        && (destinationType == typeof(VirtualNumber) || destinationType == typeof(HealthReport) || destinationType == typeof(HealthComponent));

    public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
    {
        var bag = (PSObject)sourceValue;
        if (destinationType == typeof(VirtualNumber))
        {
            return ToVirtualNumber(bag);
        }
        if (destinationType == typeof(HealthReport))
        {
            return ToHealthReport(bag);
        }
        if (destinationType == typeof(HealthComponent))
        {
            return ToHealthComponent(bag);
        }
        throw new PSInvalidCastException($"Liner.PowerShell cannot rehydrate {destinationType.FullName}.");
    }

    public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

    public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        throw new NotSupportedException();

    private static object ToVirtualNumber(PSObject bag)
    {
        var number = new VirtualNumber
        {
            Id = Value<long>(bag, nameof(VirtualNumber.Id)),
            Title = Value<string>(bag, nameof(VirtualNumber.Title)),
            OrderId = Value<long?>(bag, nameof(VirtualNumber.OrderId)),
            ConnectionType = Value<string>(bag, nameof(VirtualNumber.ConnectionType)),
            IsDefault = Value<bool>(bag, nameof(VirtualNumber.IsDefault)),
            Incoming = Value<bool>(bag, nameof(VirtualNumber.Incoming)),
            Outgoing = Value<bool>(bag, nameof(VirtualNumber.Outgoing)),
            Channels = Value<int>(bag, nameof(VirtualNumber.Channels)),
            Params = ToApiObject(bag.Properties[nameof(VirtualNumber.Params)]?.Value),
        };
        var extra = new List<KeyValuePair<string, object?>>();
        foreach (var property in bag.Properties)
        {
            if (!VirtualNumber.PropertyNames.Contains(property.Name))
            {
                extra.Add(new KeyValuePair<string, object?>(property.Name, Plain(property.Value)));
            }
        }
        number.ExtraFields = extra;
        return ExtraFields.Attach(number, extra);
    }

    private static HealthReport ToHealthReport(PSObject bag)
    {
        var components = new List<HealthComponent>();
        if (Plain(bag.Properties[nameof(HealthReport.Components)]?.Value) is IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                switch (item is PSObject wrapped ? wrapped.BaseObject : item)
                {
                    case HealthComponent component:
                        components.Add(component);
                        break;
                    case PSObject other when other.TypeNames.Contains(Prefix + typeof(HealthComponent).FullName):
                        components.Add(ToHealthComponent(other));
                        break;
                }
            }
        }
        return new HealthReport
        {
            ApiHost = Value<string>(bag, nameof(HealthReport.ApiHost)) ?? string.Empty,
            Success = Value<bool>(bag, nameof(HealthReport.Success)),
            Message = Value<string>(bag, nameof(HealthReport.Message)),
            Components = components,
        };
    }

    private static HealthComponent ToHealthComponent(PSObject bag) => new()
    {
        Name = Value<string>(bag, nameof(HealthComponent.Name)) ?? string.Empty,
        Success = Value<bool>(bag, nameof(HealthComponent.Success)),
        Message = Value<string>(bag, nameof(HealthComponent.Message)),
        ExecutionTime = Value<TimeSpan?>(bag, nameof(HealthComponent.ExecutionTime)),
        ReasonPhrase = Value<string>(bag, nameof(HealthComponent.ReasonPhrase)),
        Data = ToApiObject(bag.Properties[nameof(HealthComponent.Data)]?.Value),
    };

    private static T? Value<T>(PSObject bag, string name)
    {
        var value = Plain(bag.Properties[name]?.Value);
        return value is null ? default : LanguagePrimitives.ConvertTo<T>(value);
    }

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
