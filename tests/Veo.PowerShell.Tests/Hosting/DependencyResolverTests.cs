using System.Reflection;
using System.Runtime.Loader;
using Veo.PowerShell.Loader;

namespace Veo.PowerShell.Tests.Hosting;

public class DependencyResolverTests
{
    private static readonly string Folder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!;

    [Fact]
    public void A_shipped_dependency_is_served_whatever_version_is_asked_for()
    {
        var path = DependencyResolver.ShippedPath(Folder, new AssemblyName("Polly.Core, Version=7.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc"));
        Assert.Equal(Path.Combine(Folder, "Polly.Core.dll"), path);
    }

    [Fact]
    public void Assemblies_the_module_does_not_ship_are_left_to_NET()
    {
        Assert.Null(DependencyResolver.ShippedPath(Folder, new AssemblyName("Some.Other.Library, Version=1.0.0.0")));
        Assert.Null(DependencyResolver.ShippedPath(Folder, new AssemblyName("System.Management.Automation, Version=3.0.0.0")));
    }
}

/// <summary>The rule of the PowerShell 7 load context, over a dependencies/ folder of its own.</summary>
public sealed class VeoLoadContextTests : IDisposable
{
    private static readonly string TestFolder = Path.GetDirectoryName(typeof(VeoLoadContextTests).Assembly.Location)!;
    private readonly string _dependencies = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "veo-dependencies-" + Guid.NewGuid().ToString("n"))).FullName;

    public VeoLoadContextTests()
    {
        File.Copy(Path.Combine(TestFolder, "Polly.Core.dll"), Path.Combine(_dependencies, "Polly.Core.dll"));
        // Only its name counts: the runtime's System.Memory is newer than the 4.0.1.2 asked for, so this file is never read.
        File.Copy(Path.Combine(TestFolder, "Polly.Core.dll"), Path.Combine(_dependencies, "System.Memory.dll"));
    }

    [Fact]
    public void A_dependency_the_runtime_lacks_is_Veos_own_copy_in_Veos_context()
    {
        // This test host carries Polly.Core itself (its deps.json); pwsh does not, so leave it out of the host's list.
        var pwshLike = VeoLoadContext.RuntimeAssemblies();
        pwshLike.Remove("Polly.Core");
        var context = new VeoLoadContext(_dependencies, pwshLike);
        var polly = context.LoadFromAssemblyName(new AssemblyName("Polly.Core, Version=8.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc"));
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(polly));
        Assert.Equal(Path.Combine(_dependencies, "Polly.Core.dll"), polly.Location);
        Assert.NotSame(typeof(Polly.ResiliencePipeline).Assembly, polly);
    }

    [Fact]
    public void An_assembly_the_runtime_carries_at_least_as_new_is_the_runtimes_one_copy()
    {
        // A second System.Memory would be a second, incompatible Span.
        var context = new VeoLoadContext(_dependencies);
        var memory = context.LoadFromAssemblyName(new AssemblyName("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(memory));
        Assert.NotEqual(Path.Combine(_dependencies, "System.Memory.dll"), memory.Location);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dependencies, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
