using System.Collections.Generic;
using System.Management.Automation;

namespace Liner.PowerShell;

/// <summary>Fields the API sent that a model class does not know, written as extra properties of the object.</summary>
internal static class ExtraFields
{
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
            var name = field.Key.Length == 0 ? "_" : field.Key;
            output.Properties.Remove(name);
            output.Properties.Add(new PSNoteProperty(name, field.Value));
        }
        return output;
    }
}
