using System.Reflection;
using System.Runtime.CompilerServices;

namespace Veo.PowerShell.Loader;

/// <summary>
/// PowerShell 7 only (Windows PowerShell has no AssemblyLoadContext, and never reaches this class): Veo.Core and its
/// dependencies load from dependencies/ into a load context of their own (VeoLoadContext). Veo.PowerShell.dll stays in
/// PowerShell's default context, where PowerShell loaded it; when it needs Veo.Core, the default context cannot find it
/// (dependencies/ is not probed) and asks AppDomain.AssemblyResolve, which this answers from Veo's context, for the
/// module's own dlls only.
/// </summary>
internal static class DependencyIsolation
{
    private static VeoLoadContext? context;
    private static string? moduleFolder;

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Start(string folder, string module)
    {
        // One context for the process: importing the module again, in another runspace too, reuses the loaded engine.
        context ??= new VeoLoadContext(folder);
        moduleFolder = module;
        AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    internal static void Stop() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    // Only the module's own requests: another module asking for a Polly.Core of its own must not be handed Veo's.
    private static Assembly? Resolve(object? sender, ResolveEventArgs args) =>
        context is { } veo && IsModuleFile(args.RequestingAssembly) && veo.Ships(new AssemblyName(args.Name))
            ? veo.LoadFromAssemblyName(new AssemblyName(args.Name))
            : null;

    private static bool IsModuleFile(Assembly? requesting) =>
        requesting is { IsDynamic: false } && string.Equals(Path.GetDirectoryName(requesting.Location), moduleFolder, StringComparison.Ordinal);
}
