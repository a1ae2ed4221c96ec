using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>What a mapper made of one list element.</summary>
internal enum MapResult
{
    /// <summary>The buffer ends inside the element: map it again once more bytes have arrived.</summary>
    Incomplete,

    /// <summary>The element became an item.</summary>
    Item,

    /// <summary>The element was read and is not wanted (the query's early filter said no).</summary>
    Skipped,
}

/// <summary>
/// Maps one element of a list, straight from the response buffer, to a model object. It must leave
/// the reader on the element's last token when it says <see cref="MapResult.Item"/> or
/// <see cref="MapResult.Skipped"/>, and must have no effect when it says
/// <see cref="MapResult.Incomplete"/> (it is simply called again). A value that cannot mean what its
/// field needs is a <see cref="ResponseShapeException"/> naming the field.
/// </summary>
internal interface IItemMapper<T>
{
    /// <summary>What one item is called in messages: "virtual number".</summary>
    string ItemName { get; }

    MapResult Map(ref Utf8JsonReader reader, out T? item);
}
