using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Liner.MockApi;

/// <summary>
/// The sample files (<c>sample-*.json</c> beside the mock, or a file given with <c>--data</c>), each
/// read once, by file name, the first time it is asked for. A file holds an array, or a whole envelope
/// whose <c>data</c> is the array. The items are read through at once, so that requests may read them
/// concurrently, and must never be changed: a write changes a copy (see <see cref="Store"/>).
/// </summary>
internal static class Samples
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<JsonObject>>> Files = new(StringComparer.Ordinal);

    /// <summary>The items of <paramref name="file"/>: a name beside the mock, or a path.</summary>
    public static IReadOnlyList<JsonObject> Load(string file) =>
        Files.GetOrAdd(file, name => new Lazy<IReadOnlyList<JsonObject>>(() => Read(name))).Value;

    private static IReadOnlyList<JsonObject> Read(string file)
    {
        var path = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
        var node = JsonNode.Parse(File.ReadAllText(path));
        var items = node as JsonArray ?? node?["data"] as JsonArray ?? throw new InvalidDataException($"{path} holds no array");
        return items.Select(item => (JsonObject)Materialize(item!)).ToList();
    }

    /// <summary>
    /// Reads every object and array of <paramref name="node"/> through: a parsed node is read lazily on
    /// first use, which is not safe when two requests use it at once.
    /// </summary>
    public static JsonNode Materialize(JsonNode node)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (_, value) in item)
                {
                    if (value is not null)
                    {
                        Materialize(value);
                    }
                }
                break;
            case JsonArray list:
                foreach (var value in list)
                {
                    if (value is not null)
                    {
                        Materialize(value);
                    }
                }
                break;
        }
        return node;
    }
}

/// <summary>Reading the mock's own JSON, whatever CLR type a number was made from.</summary>
internal static class JsonNodes
{
    /// <summary>
    /// A whole number, as an id: <c>(long)node</c> fails on a node made from an int (the generators make
    /// some), this reads any JSON number that is whole.
    /// </summary>
    public static long AsId(this JsonNode? node) =>
        long.Parse(node?.ToJsonString() ?? throw new InvalidOperationException("An id is missing."), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
}
