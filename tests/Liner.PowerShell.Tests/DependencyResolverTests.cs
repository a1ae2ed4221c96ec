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

    [Theory]
    [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json")]
    [InlineData("System.Text.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json")]
    [InlineData("System.Text.Json, Version=99.0.0.0", "System.Text.Json")]
    [InlineData("system.memory", "System.Memory")]
    public void ServesTheShippedCopyWhateverVersionIsAsked(string requested, string file) =>
        Assert.Equal(Path.Combine(_folder, file + ".dll"), new DependencyResolver(_folder).ResolvePath(requested));

    [Theory]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0")]
    [InlineData("Liner.PowerShell")]
    [InlineData("System.Management.Automation, Version=3.0.0.0")]
    [InlineData(",,,")]
    public void AnswersForNothingElse(string requested) => Assert.Null(new DependencyResolver(_folder).ResolvePath(requested));

    [Fact]
    public void LoadsEachShippedAssemblyOnceAndIgnoresOtherRequests()
    {
        var loads = new List<string>();
        var resolver = new DependencyResolver(_folder, path =>
        {
            loads.Add(path);
            return typeof(DependencyResolverTests).Assembly;
        });
        Assert.NotNull(resolver.Resolve(null, new ResolveEventArgs("System.Text.Json, Version=8.0.0.0")));
        Assert.NotNull(resolver.Resolve(null, new ResolveEventArgs("System.Text.Json, Version=9.0.0.0")));
        Assert.Null(resolver.Resolve(null, new ResolveEventArgs("Other.Library")));
        Assert.Single(loads);
    }

    [Fact]
    public void AMissingFolderServesNothing() =>
        Assert.Empty(new DependencyResolver(Path.Combine(_folder, "absent")).Names);

    [Fact]
    public void RegistersNothingOnDotNetCore() => Assert.False(ModuleInitializer.IsNetFramework);
}
