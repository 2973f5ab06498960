using System.Reflection;
using System.Runtime.Loader;

namespace Veo.PowerShell.Loader;

/// <summary>
/// Veo's own copy of every assembly in dependencies/, except where the runtime carries that assembly at the version
/// asked for or newer (System.Memory and the other netstandard polyfills, System.Text.Json on PowerShell 7.4+): the
/// runtime's are one copy for every module, so they never clash, and sharing them is what the .NET SDK itself does when
/// an app's package is older than its framework (a second System.Memory would make a second Span).
/// </summary>
internal sealed class VeoLoadContext : AssemblyLoadContext
{
    private readonly string _folder;
    private readonly Dictionary<string, string> _runtimeAssemblies;

    // Unnamed: netstandard2.0 compiles against the first AssemblyLoadContext (System.Runtime.Loader 4.3.0), which has no
    // name yet; diagnostics see it by its type, Veo.PowerShell.Loader.VeoLoadContext.
    internal VeoLoadContext(string folder)
    {
        _folder = folder;
        _runtimeAssemblies = RuntimeAssemblies();
    }

    internal bool Ships(AssemblyName name) => DependencyResolver.ShippedPath(_folder, name) is not null;

    protected override Assembly? Load(AssemblyName name)
    {
        if (DependencyResolver.ShippedPath(_folder, name) is not { } path) return null;
        return RuntimeHasAtLeast(name) ? null : LoadFromAssemblyPath(path);
    }

    private bool RuntimeHasAtLeast(AssemblyName requested) =>
        requested.Name is { } simpleName
        && _runtimeAssemblies.TryGetValue(simpleName, out var path)
        && AssemblyName.GetAssemblyName(path).Version >= (requested.Version ?? new Version());

    // The runtime's and PowerShell's own assemblies: the host's trusted platform assemblies, by simple name.
    private static Dictionary<string, string> RuntimeAssemblies()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            byName[Path.GetFileNameWithoutExtension(path)] = path;
        return byName;
    }
}
