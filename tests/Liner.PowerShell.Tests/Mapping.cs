using System.Text;
using System.Text.Json;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

/// <summary>Maps one whole JSON element with a mapper, as the list reader would.</summary>
internal static class Mapping
{
    public static T Map<T>(IItemMapper<T> mapper, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        Assert.Equal(MapResult.Item, mapper.Map(ref reader, out var item));
        return item!;
    }
}
