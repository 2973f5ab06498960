using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

namespace Veo.HelpGen;

/// <summary>
/// Reads every cmdlet of a module assembly from real PowerShell: a runspace imports the dll, and the CmdletInfo it
/// exports gives the parameters, sets and syntax exactly as Get-Command shows them, so the help cannot disagree with them.
/// The helpers below spell those facts the way platyPS pages and Get-Help do.
/// </summary>
public static class CmdletReader
{
    public const string AllSets = ParameterAttribute.AllParameterSets;

    // "[[-Route] <string>]", "-Dialect <Dialect>", "[-NoAudio]": a parameter's name and the type shown for its value.
    private static readonly Regex SyntaxToken = new(@"-(?<name>\w+)\]?(?: <(?<type>[^>]+)>)?", RegexOptions.Compiled);

    /// <param name="dependencies">
    /// Assemblies the module needs that are not beside it (the build passes its copy-local references, since the
    /// dll is read from obj/ before anything is copied next to it).
    /// </param>
    public static IReadOnlyList<CmdletInfo> Read(string assemblyPath, IEnumerable<string>? dependencies = null)
    {
        var paths = (dependencies ?? []).ToList();
        Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
            paths.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p).Equals(name.Name, StringComparison.OrdinalIgnoreCase)) is { } path
            && File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        AssemblyLoadContext.Default.Resolving += Resolve;
        try
        {
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            using var powershell = PowerShell.Create(state);
            var module = powershell.AddCommand("Import-Module").AddParameter("Name", assemblyPath).AddParameter("PassThru").Invoke<PSModuleInfo>().FirstOrDefault();
            if (powershell.HadErrors || module is null) throw new ModuleImportException(assemblyPath, string.Join(" ", powershell.Streams.Error));
            var cmdlets = module.ExportedCmdlets.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
            // PowerShell works these out on first use and keeps them: do it while the runspace is open.
            foreach (var cmdlet in cmdlets) _ = (cmdlet.Parameters.Count, cmdlet.ParameterSets.Count, cmdlet.OutputType.Count);
            return cmdlets;
        }
        catch (RuntimeException e)
        {
            throw new ModuleImportException(assemblyPath, e.Message);
        }
        finally
        {
            AssemblyLoadContext.Default.Resolving -= Resolve;
        }
    }

    /// <summary>The cmdlet's own parameters, in declaration order: the common parameters left out, -WhatIf and -Confirm kept.</summary>
    public static IEnumerable<ParameterMetadata> ParametersOf(CmdletInfo cmdlet) => cmdlet.Parameters.Values.Where(p => !Cmdlet.CommonParameters.Contains(p.Name));

    /// <summary>What a user is shown: [Parameter(DontShow)] hides a parameter from syntax and help.</summary>
    public static IEnumerable<ParameterMetadata> ShownParametersOf(CmdletInfo cmdlet) => ParametersOf(cmdlet).Where(p => p.Attributes.OfType<ParameterAttribute>().Any(a => !a.DontShow));

    /// <summary>
    /// The sets' lines as Get-Command -Syntax prints them, in its order, with the heading a page gives each ("### Name (Default)");
    /// a cmdlet that names no set has one, <see cref="AllSets"/>, and its block has no heading.
    /// </summary>
    public static IEnumerable<(CommandParameterSetInfo Set, string? Heading, string Text)> Syntax(CmdletInfo cmdlet) => cmdlet.ParameterSets.Select(s =>
        (s, cmdlet.ParameterSets is [{ Name: AllSets }] ? null : $"### {s.Name}{(s.IsDefault ? " (Default)" : "")}", $"{cmdlet.Name} {s}"));

    /// <summary>A syntax line's parameters in its order, with the type it shows for each value (none for a switch).</summary>
    public static IEnumerable<(string Name, string? ValueType)> SyntaxParameters(CommandParameterSetInfo set) =>
        SyntaxToken.Matches(set.ToString()).Select(m => (m.Groups["name"].Value, m.Groups["type"].Success ? m.Groups["type"].Value : null));

    public static IReadOnlyList<string> OutputTypes(CmdletInfo cmdlet) => cmdlet.OutputType.Select(t => t.Name).Distinct().ToList();

    /// <summary>The name platyPS writes: String, Int32, String[], List[String] (not Type.Name's List`1); Nullable&lt;T&gt; is T.</summary>
    public static string TypeName(ParameterMetadata parameter) => ShortName(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType);
    private static string ShortName(Type type) => type.IsArray ? ShortName(type.GetElementType()!) + "[]"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}[{string.Join(",", type.GetGenericArguments().Select(ShortName))}]" : type.Name;

    public static bool SupportsWildcards(ParameterMetadata parameter) => parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any();

    public static string? Position(ParameterSetMetadata binding) => binding.Position == int.MinValue ? null : binding.Position.ToString();

    /// <summary>"Accept pipeline input" across <paramref name="bindings"/>, the way platyPS and Get-Help spell it.</summary>
    public static string Pipeline(IEnumerable<ParameterSetMetadata> bindings) => (bindings.Any(b => b.ValueFromPipeline), bindings.Any(b => b.ValueFromPipelineByPropertyName)) switch
    {
        (false, false) => "False",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "True (ByPropertyName, ByValue)",
    };
}

/// <summary>PowerShell could not import the module, most often because an assembly it needs is neither beside it nor passed.</summary>
public sealed class ModuleImportException(string assemblyPath, string reason)
    : Exception($"PowerShell could not import '{assemblyPath}': {reason.Trim()} Assemblies the module needs must be beside it or passed with --references.");
