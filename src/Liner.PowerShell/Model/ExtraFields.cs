using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Liner.PowerShell;

/// <summary>Fields the API sent that a model class does not know, written as extra properties of the object.</summary>
internal static class ExtraFields
{
    // Member names PowerShell keeps for itself on every object; a property with one of them cannot be added.
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "psbase", "psadapted", "psextended", "psobject", "pstypenames",
    };

    /// <summary>The public property names of a model class, for <see cref="PropertyName"/>.</summary>
    public static HashSet<string> NamesOf(Type type) =>
        new(type.GetProperties().Select(property => property.Name), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The property name for an extra field: its own, unless that is (in any case) a property of the
    /// class or a name PowerShell reserves, which would hide one or the other: then "Api" + the name
    /// (<c>Title</c> sent besides <c>title</c> becomes <c>ApiTitle</c>, <c>psbase</c> becomes <c>ApiPsbase</c>).
    /// </summary>
    public static string PropertyName(string name, HashSet<string> classProperties)
    {
        if (name.Length == 0)
        {
            return "_";
        }
        return classProperties.Contains(name) || ReservedNames.Contains(name)
            ? "Api" + char.ToUpperInvariant(name[0]) + name.Substring(1)
            : name;
    }

    /// <summary>The item itself when there are none, else the item wrapped with a note property per field.</summary>
    public static object Attach(object item, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        if (fields.Count == 0)
        {
            return item;
        }
        var output = new PSObject(item);
        foreach (var field in fields)
        {
            output.Properties.Remove(field.Key);
            output.Properties.Add(new PSNoteProperty(field.Key, field.Value));
        }
        return output;
    }
}
