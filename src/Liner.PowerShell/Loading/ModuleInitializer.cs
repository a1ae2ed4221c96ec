using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace Liner.PowerShell.Loading;

/// <summary>
/// Runs when the module is imported and removed. On .NET Framework (Windows PowerShell 5.1) it
/// registers the resolver for the Dependencies folder; on PowerShell 7 nothing is needed, since
/// System.Text.Json and its dependencies come from PowerShell itself.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static DependencyResolver? _resolver;

    internal static bool IsNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    public void OnImport()
    {
        if (!IsNetFramework)
        {
            return;
        }
        lock (Gate)
        {
            if (_resolver is null)
            {
                var moduleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
                _resolver = new DependencyResolver(Path.Combine(moduleFolder, DependencyResolver.FolderName), typeof(ModuleInitializer).Assembly);
                AppDomain.CurrentDomain.AssemblyResolve += _resolver.Resolve;
            }
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (_resolver is not null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= _resolver.Resolve;
                _resolver = null;
            }
        }
    }
}
