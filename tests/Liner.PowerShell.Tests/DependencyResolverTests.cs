using System.Reflection;
using Liner.PowerShell.Loading;
using Xunit;

namespace Liner.PowerShell.Tests;

public sealed class DependencyResolverTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("liner-deps-").FullName;

    public DependencyResolverTests()
    {
        foreach (var name in new[] { "System.Text.Json", "System.Memory", "Microsoft.Bcl.AsyncInterfaces" })
        {
            File.WriteAllBytes(Path.Combine(_folder, name + ".dll"), Array.Empty<byte>());
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Stand-ins: the module's own assembly, what the fake loader "loads", and another module's assembly.
    private static readonly Assembly Module = typeof(DependencyResolverTests).Assembly;
    private static readonly Assembly Served = typeof(Xunit.Assert).Assembly;
    private static readonly Assembly OtherModule = typeof(object).Assembly;

    private static ResolveEventArgs Request(string name, Assembly? from) => new(name, from);

    [Theory]
    [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json")]
    [InlineData("System.Text.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json")]
    [InlineData("System.Text.Json, Version=99.0.0.0", "System.Text.Json")]
    [InlineData("system.memory", "System.Memory")]
    public void ServesTheShippedCopyWhateverVersionIsAsked(string requested, string file) =>
        Assert.Equal(Path.Combine(_folder, file + ".dll"), new DependencyResolver(_folder, Module).ResolvePath(requested));

    [Theory]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0")]
    [InlineData("Liner.PowerShell")]
    [InlineData("System.Management.Automation, Version=3.0.0.0")]
    [InlineData(",,,")]
    public void AnswersForNothingElse(string requested) => Assert.Null(new DependencyResolver(_folder, Module).ResolvePath(requested));

    [Fact]
    public void LoadsEachShippedAssemblyOnceAndIgnoresOtherRequests()
    {
        var loads = new List<string>();
        var resolver = new DependencyResolver(_folder, Module, path =>
        {
            loads.Add(path);
            return Served;
        });
        Assert.NotNull(resolver.Resolve(null, Request("System.Text.Json, Version=8.0.0.0", Module)));
        Assert.NotNull(resolver.Resolve(null, Request("System.Text.Json, Version=9.0.0.0", Module)));
        Assert.Null(resolver.Resolve(null, Request("Other.Library", Module)));
        Assert.Single(loads);
    }

    [Fact]
    public void AnswersOnlyTheModuleAndTheDependenciesItServed()
    {
        var resolver = new DependencyResolver(_folder, Module, _ => Served);
        // Another module asking for System.Text.Json is left to its own handlers, before and after ours loaded it.
        Assert.Null(resolver.Resolve(null, Request("System.Text.Json, Version=6.0.0.0", OtherModule)));
        Assert.Null(resolver.Resolve(null, Request("System.Text.Json, Version=6.0.0.0", null)));
        Assert.Same(Served, resolver.Resolve(null, Request("System.Text.Json, Version=8.0.0.0", Module)));
        Assert.Null(resolver.Resolve(null, Request("System.Text.Json, Version=6.0.0.0", OtherModule)));
        // What the served System.Text.Json needs in turn is served too.
        Assert.Same(Served, resolver.Resolve(null, Request("System.Memory, Version=4.0.1.2", Served)));
    }

    [Fact]
    public void AMissingFolderServesNothing() =>
        Assert.Empty(new DependencyResolver(Path.Combine(_folder, "absent"), Module).Names);

    [Fact]
    public void RegistersNothingOnDotNetCore() => Assert.False(ModuleInitializer.IsNetFramework);
}
