using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace Liner.PowerShell.Api;

/// <summary>One path a list can be read from, and its shape.</summary>
internal sealed class Route
{
    public Route(string path, bool paged, string? why = null)
    {
        Path = path;
        Paged = paged;
        Why = why;
    }

    public string Path { get; }

    /// <summary>Takes offset and limit, and answers <c>{list, next, total}</c>.</summary>
    public bool Paged { get; }

    /// <summary>Why the module turns to this path when the one before answers 404 (for -Verbose).</summary>
    public string? Why { get; }

    public override string ToString() => Path;
}

/// <summary>
/// Where the API serves one kind of item, as its model declares it with <see cref="ApiEndpointAttribute"/>:
/// the routes of its list (the first, then the ones tried once each on a 404), one item by id, the writes.
/// </summary>
internal sealed class Endpoint
{
    private readonly string? _detail;
    private readonly string? _update;

    private Endpoint(ApiEndpointAttribute declared)
    {
        ItemName = declared.ItemName;
        var routes = new List<Route> { new(declared.List, declared.Paged) };
        if (declared.OtherSpelling is { } other)
        {
            routes.Add(new Route(other, declared.Paged, "the other spelling of the path the docs use"));
        }
        if (declared.OlderList is { } older)
        {
            routes.Add(new Route(older, paged: false, "what an older Liner serves instead, with fewer fields"));
        }
        Routes = routes;
        _detail = declared.Detail;
        _update = declared.Update;
        CreatePath = declared.Create;
        CreateAsyncPath = declared.CreateAsync;
        MapperType = declared.Mapper;
    }

    public string ItemName { get; }

    /// <summary>The error id of an item asked for by id that does not exist: <c>Liner&lt;ItemName&gt;NotFound</c> (LinerCallRecordNotFound).</summary>
    public string NotFoundErrorId => "Liner" + string.Concat(ItemName.Split(' ').Select(word => char.ToUpperInvariant(word[0]) + word.Substring(1))) + "NotFound";

    /// <summary>The list's routes: the first is the one to use; each later one is tried once when the one before answers 404.</summary>
    public IReadOnlyList<Route> Routes { get; }

    public Route List => Routes[0];

    public string? CreatePath { get; }

    public string? CreateAsyncPath { get; }

    internal Type? MapperType { get; }

    public string DetailPath(long id) => Format(_detail, id, "one item");

    public string UpdatePath(long id) => Format(_update, id, "an update");

    /// <summary>The endpoint of the model <typeparamref name="T"/>.</summary>
    public static Endpoint Of<T>() => Declared<T>.Endpoint;

    /// <summary>A new mapper for <typeparamref name="T"/>'s items: its own, or by field names.</summary>
    public static IItemMapper<T> MapperOf<T>()
        where T : ApiItem, new() =>
        Declared<T>.Endpoint.MapperType is { } type ? (IItemMapper<T>)Activator.CreateInstance(type)! : new FieldMapper<T>(Declared<T>.Endpoint.ItemName);

    public override string ToString() => List.Path;

    private string Format(string? path, long id, string what) =>
        string.Format(CultureInfo.InvariantCulture, path ?? throw new InvalidOperationException($"The API has no path for {what} of the {ItemName} list."), id);

    private static class Declared<T>
    {
        public static readonly Endpoint Endpoint = new(typeof(T).GetCustomAttribute<ApiEndpointAttribute>()
            ?? throw new InvalidOperationException($"{typeof(T).Name} declares no [ApiEndpoint]."));
    }
}
