using System.Management.Automation;
using System.Reflection;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// Windows PowerShell 5.1 applies no binding redirects to modules: System.Text.Json 8 asks for
/// System.Memory 4.0.1.2 while another module may have loaded 4.0.1.1, and the load fails. When
/// .NET cannot bind one of our dependencies, this answers with the copy shipped next to the module,
/// whatever version was asked for. PowerShell 7 binds them itself (its own are the same or newer).
/// </summary>
public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!;

    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args) =>
        ShippedPath(ModuleFolder, new AssemblyName(args.Name)) is { } path ? Assembly.LoadFrom(path) : null;

    /// <summary>The module's own copy of a dependency, or null when the module ships none (not ours to answer).</summary>
    internal static string? ShippedPath(string folder, AssemblyName requested)
    {
        if (string.IsNullOrEmpty(requested.Name) || requested.Name == "System.Management.Automation") return null;
        var path = Path.Combine(folder, requested.Name + ".dll");
        return File.Exists(path) ? path : null;
    }
}
