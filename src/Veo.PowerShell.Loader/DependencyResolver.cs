using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Veo.PowerShell.Loader;

/// <summary>
/// Where Veo's dependencies (Veo.Core, Polly.Core, System.Text.Json and the polyfills they need) come from. build.ps1
/// lays them out in dependencies/ beside this dll and Veo.PowerShell.dll, out of PowerShell's sight, so only this class
/// answers for them. Veo.psd1 imports this dll first (NestedModules): PowerShell reading Veo.PowerShell.dll's types
/// already needs Veo.Core.
/// <list type="bullet">
/// <item>PowerShell 7: they load in an AssemblyLoadContext of Veo's own (<see cref="DependencyIsolation"/>), so another
/// module's Polly or friends, loaded before or after Veo, is never the one Veo runs on, nor Veo's theirs.</item>
/// <item>Windows PowerShell 5.1 applies no binding redirects to modules: System.Text.Json 8 asks for System.Memory
/// 4.0.1.2 while another module may have loaded 4.0.1.1, and the load fails. When .NET cannot bind one of our
/// dependencies, this answers with the copy shipped with the module, whatever version was asked for.</item>
/// </list>
/// A flat build output (the tests', HelpGen's) has no dependencies/ folder: there the host's own binding, or the
/// 5.1-style resolver over the module folder, does it.
/// The pattern is "Resolving PowerShell module assembly dependency conflicts" (learn.microsoft.com, PowerShell docs),
/// as PSResourceGet applies it (src/code/ModuleInitAndCleanup.cs in PowerShell/PSResourceGet).
/// </summary>
public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!;

    internal static readonly string IsolatedFolder = Path.Combine(ModuleFolder, "dependencies");

    private static readonly bool OnDotNetFramework =
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    private static readonly string DependencyFolder = Directory.Exists(IsolatedFolder) ? IsolatedFolder : ModuleFolder;

    private static bool Isolated => !OnDotNetFramework && DependencyFolder == IsolatedFolder;

    public void OnImport()
    {
        if (Isolated) DependencyIsolation.Start(IsolatedFolder, ModuleFolder);
        else AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (Isolated) DependencyIsolation.Stop();
        else AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args) =>
        ShippedPath(DependencyFolder, new AssemblyName(args.Name)) is { } path ? Assembly.LoadFrom(path) : null;

    /// <summary>The module's own copy of a dependency, or null when the module ships none (not ours to answer).</summary>
    internal static string? ShippedPath(string folder, AssemblyName requested)
    {
        if (string.IsNullOrEmpty(requested.Name) || requested.Name == "System.Management.Automation") return null;
        var path = Path.Combine(folder, requested.Name + ".dll");
        return File.Exists(path) ? path : null;
    }
}
