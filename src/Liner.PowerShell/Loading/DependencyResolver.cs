using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Liner.PowerShell.Loading;

/// <summary>
/// Serves the assemblies shipped in the module's Dependencies folder (System.Text.Json and what it
/// needs) to Windows PowerShell 5.1, which has no binding redirects: whatever version is asked for,
/// the shipped copy answers. It answers for nothing else, so no other module's loading changes.
/// </summary>
internal sealed class DependencyResolver
{
    public const string FolderName = "Dependencies";

    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, Assembly> _load;

    public DependencyResolver(string folder, Func<string, Assembly>? load = null)
    {
        Folder = folder;
        _load = load ?? Assembly.LoadFrom;
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.dll"))
            {
                _paths[Path.GetFileNameWithoutExtension(file)] = file;
            }
        }
    }

    public string Folder { get; }

    /// <summary>The simple names of the assemblies this resolver answers for.</summary>
    public IReadOnlyCollection<string> Names => _paths.Keys;

    /// <summary>The shipped file for a requested assembly name of any version, or null when it is not shipped.</summary>
    public string? ResolvePath(string requestedName)
    {
        string? simpleName;
        try
        {
            simpleName = new AssemblyName(requestedName).Name;
        }
        catch (Exception error) when (error is ArgumentException or FileLoadException)
        {
            return null;
        }
        return simpleName is not null && _paths.TryGetValue(simpleName, out var path) ? path : null;
    }

    /// <summary>The AssemblyResolve handler: loads each shipped assembly once, ignores every other request.</summary>
    public Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var path = ResolvePath(args.Name);
        if (path is null)
        {
            return null;
        }
        lock (_loaded)
        {
            if (!_loaded.TryGetValue(path, out var assembly))
            {
                assembly = _load(path);
                _loaded[path] = assembly;
            }
            return assembly;
        }
    }
}
