using System.Reflection;
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
