using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Veo.HelpGen.Docs;

namespace Veo.HelpGen.Cmdlets;

/// <summary>
/// Reads every cmdlet of a module assembly from real PowerShell: a runspace imports the dll and its CmdletInfo
/// gives the parameters, sets and syntax exactly as Get-Command shows them, so the help cannot disagree with them.
/// </summary>
public static class CmdletReader
{
    // "[[-Route] <string>]", "-Dialect <Dialect>", "[-NoAudio]": a parameter's name and the type shown for its value.
    private static readonly Regex SyntaxToken = new(@"-(?<name>\w+)\]?(?: <(?<type>[^>]+)>)?", RegexOptions.Compiled);

    /// <param name="assemblyPath">The module dll.</param>
    /// <param name="dependencies">
    /// Assemblies the module needs that are not beside it (the build passes its copy-local references, since the
    /// dll is read from obj/ before anything is copied next to it).
    /// </param>
    public static IReadOnlyList<CmdletMetadata> Read(string assemblyPath, IEnumerable<string>? dependencies = null)
    {
        var byName = (dependencies ?? Array.Empty<string>())
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
            name.Name is { } simple && byName.TryGetValue(simple, out var path) && File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;

        AssemblyLoadContext.Default.Resolving += Resolve;
        try
        {
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            using var runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
            using var powershell = PowerShell.Create(runspace);
            var module = powershell.AddCommand("Import-Module").AddParameter("Name", assemblyPath).AddParameter("PassThru").Invoke<PSModuleInfo>().FirstOrDefault();
            if (powershell.HadErrors || module is null) throw new ModuleImportException(assemblyPath, string.Join(" ", powershell.Streams.Error));
            return module.ExportedCmdlets.Values.Select(Cmdlet).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
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

    private static CmdletMetadata Cmdlet(CmdletInfo cmdlet)
    {
        var declared = cmdlet.Parameters.Values.Where(p => !System.Management.Automation.Cmdlet.CommonParameters.Contains(p.Name)).ToList();
        var syntax = cmdlet.ParameterSets.Select(set => new SyntaxLine(
            set.Name,
            set.IsDefault,
            $"{cmdlet.Name} {set}",
            SyntaxToken.Matches(set.ToString()).Select(m => new SyntaxToken(m.Groups["name"].Value, m.Groups["type"].Success ? m.Groups["type"].Value : null)).ToList()))
            .ToList();
        return new CmdletMetadata(
            cmdlet.Verb,
            cmdlet.Noun,
            cmdlet.ImplementingType.FullName!,
            cmdlet.DefaultParameterSet,
            cmdlet.Parameters.ContainsKey("WhatIf"),
            declared.Select(Parameter).ToList(),
            cmdlet.OutputType.Select(t => t.Name).Distinct().ToList(),
            syntax);
    }

    private static ParameterMetadata Parameter(System.Management.Automation.ParameterMetadata parameter)
    {
        var declarations = parameter.Attributes.OfType<ParameterAttribute>().ToList();
        return new ParameterMetadata(
            parameter.Name,
            parameter.ParameterType,
            parameter.Aliases.ToList(),
            parameter.ParameterSets.Select(s => new ParameterSetMetadata(
                s.Key,
                s.Value.IsMandatory,
                s.Value.Position == int.MinValue ? null : s.Value.Position,
                (s.Value.ValueFromPipeline ? PipelineInput.ByValue : PipelineInput.None)
                | (s.Value.ValueFromPipelineByPropertyName ? PipelineInput.ByPropertyName : PipelineInput.None))).ToList(),
            parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
            DontShow: declarations.Count > 0 && declarations.All(a => a.DontShow),
            IsImplicit: System.Management.Automation.Cmdlet.OptionalCommonParameters.Contains(parameter.Name));
    }
}

/// <summary>PowerShell could not import the module, most often because an assembly it needs is neither beside it nor passed.</summary>
public sealed class ModuleImportException : Exception
{
    public ModuleImportException(string assemblyPath, string reason)
        : base($"PowerShell could not import '{assemblyPath}': {reason.Trim()} Assemblies the module needs must be beside it or passed with --references.")
    {
    }
}
