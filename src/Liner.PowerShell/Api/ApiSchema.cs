using System;

namespace Liner.PowerShell.Api;

/// <summary>
/// Declares, on a model class, where the API serves its items: the list (paged or not, and the other
/// paths tried once on a 404), one item, and the writes. Read once into an <see cref="Endpoint"/>;
/// the shared machinery (<see cref="LinerClient"/>) does the rest.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ApiEndpointAttribute : Attribute
{
    public ApiEndpointAttribute(string itemName, string list)
    {
        ItemName = itemName;
        List = list;
    }

    /// <summary>What one item is called in messages: "virtual number".</summary>
    public string ItemName { get; }

    /// <summary>The list's path, with its trailing slash: <c>v2/lead/</c>.</summary>
    public string List { get; }

    /// <summary>Takes offset and limit, and answers <c>{list, next, total}</c>.</summary>
    public bool Paged { get; set; }

    /// <summary>The other spelling the docs give the same list (singular/plural), tried once on a 404.</summary>
    public string? OtherSpelling { get; set; }

    /// <summary>What an older Liner serves instead (unpaged, fewer fields), tried once on a 404.</summary>
    public string? OlderList { get; set; }

    /// <summary>One item: a path with <c>{0}</c> for its id.</summary>
    public string? Detail { get; set; }

    public string? Create { get; set; }

    /// <summary>A create that is only queued: the answer carries no id.</summary>
    public string? CreateAsync { get; set; }

    /// <summary>A partial update: a path with <c>{0}</c> for the id.</summary>
    public string? Update { get; set; }

    /// <summary>A mapper of its own (an <see cref="IItemMapper{T}"/> with a parameterless constructor); default: by field names.</summary>
    public Type? Mapper { get; set; }
}

/// <summary>
/// The JSON field a model property comes from, where it is not the property's name in camelCase
/// (<c>VirtualNumberIds</c> from <c>sipEndpointIds</c>), and how to read a value of a type the
/// mapper does not know (a <see cref="IFieldReader{T}"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ApiFieldAttribute : Attribute
{
    public ApiFieldAttribute(string? name = null)
    {
        Name = name;
    }

    public string? Name { get; }

    public Type? Reader { get; set; }
}

/// <summary>A settable model property that no API field fills (the module sets it).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class NotFromApiAttribute : Attribute
{
}

/// <summary>Reads a field's value of a type the convention mapper does not know.</summary>
internal interface IFieldReader<T>
{
    T Read(ref System.Text.Json.Utf8JsonReader reader, string field);
}
