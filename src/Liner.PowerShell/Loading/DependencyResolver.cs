using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Liner.PowerShell.Loading;

/// <summary>
/// Serves the assemblies shipped in the module's Dependencies folder (System.Text.Json and what it
/// needs) to Windows PowerShell 5.1, which has no binding redirects: whatever version is asked for,
/// the shipped copy answers. It answers only requests that come from the module's own assembly or
/// from an assembly it served itself (System.Text.Json asking for System.Memory), and only for the
/// names it ships, so no other module's loading changes, even one that asks for the same names.
/// </summary>
internal sealed class DependencyResolver
{
    public const string FolderName = "Dependencies";

    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, Assembly> _load;
    private readonly Assembly _owner;

    public DependencyResolver(string folder, Assembly owner, Func<string, Assembly>? load = null)
    {
        Folder = folder;
        _owner = owner;
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
        if (path is null || !IsOurs(args.RequestingAssembly))
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

    /// <summary>Whether a request comes from the module or from a dependency this resolver served.</summary>
    private bool IsOurs(Assembly? requester)
    {
        if (requester is null)
        {
            return false;
        }
        if (requester == _owner)
        {
            return true;
        }
        lock (_loaded)
        {
            return _loaded.ContainsValue(requester);
        }
    }
}
