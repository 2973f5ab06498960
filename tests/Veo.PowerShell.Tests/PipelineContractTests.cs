using System.Management.Automation;
using System.Reflection;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

/// <summary>The cmdlets fit together: what one declares it writes, the next one's parameters take, as Get-Command sees them.</summary>
public class PipelineContractTests : IClassFixture<ModuleSession>
{
    private readonly VeoShell _shell;

    public PipelineContractTests(ModuleSession module) => _shell = module.Shell;

    public static TheoryData<string, string> Links => new()
    {
        { "New-VeoVideo", "Wait-VeoVideo" },
        { "Wait-VeoVideo", "Save-VeoVideo" },
        { "New-VeoVideo", "Save-VeoVideo" },
        { "New-VeoVideo", "Get-VeoPrice" },
    };

    private CmdletInfo Command(string name) => _shell.Run($"Get-Command {name}").Single<CmdletInfo>();

    private static IEnumerable<(ParameterMetadata Parameter, ParameterAttribute Attribute)> Bindings(CmdletInfo command) =>
        command.Parameters.Values.SelectMany(p => p.Attributes.OfType<ParameterAttribute>().Select(a => (p, a)));

    [Theory]
    [MemberData(nameof(Links))]
    public void The_upstream_output_binds_to_the_downstream_cmdlet_by_value(string upstream, string downstream)
    {
        var output = Assert.Single(Command(upstream).OutputType).Type;
        // PowerShell binds one object to a parameter of its type, or of an array of it.
        Assert.Contains(Bindings(Command(downstream)), b => b.Attribute.ValueFromPipeline
            && (b.Parameter.ParameterType.IsAssignableFrom(output) || b.Parameter.ParameterType.GetElementType()?.IsAssignableFrom(output) == true));
    }

    [Theory]
    [MemberData(nameof(Links))]
    public void Every_parameter_bound_by_property_name_exists_on_the_upstream_output_with_a_compatible_type(string upstream, string downstream)
    {
        var output = Assert.Single(Command(upstream).OutputType).Type;
        foreach (var (parameter, _) in Bindings(Command(downstream)).Where(b => b.Attribute.ValueFromPipelineByPropertyName && b.Attribute.ParameterSetName != ParameterAttribute.AllParameterSets))
        {
            var property = new[] { parameter.Name }.Concat(parameter.Aliases)
                .Select(n => output.GetProperty(n, BindingFlags.Public | BindingFlags.Instance))
                .FirstOrDefault(p => p is not null);
            Assert.True(property is not null, $"{downstream} -{parameter.Name} binds by property name, but {output.Name} has no such property.");
            var type = Nullable.GetUnderlyingType(property!.PropertyType) ?? property.PropertyType;
            var takes = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            Assert.True(takes.IsAssignableFrom(type) || takes == typeof(string[]) && type == typeof(string),
                $"{output.Name}.{property.Name} is {type.Name}; {downstream} -{parameter.Name} takes {takes.Name}.");
        }
    }

    [Fact]
    public void The_output_of_one_cmdlet_really_binds_to_the_next_without_an_emulator()
    {
        // A task made by hand (no service) binds to Save-VeoVideo -InputObject and is refused as unfinished, not as unbindable.
        var result = _shell.Run("[Veo.Core.Tasks.VideoTask]@{ Id = 'task_x'; Route = 'LaoZhang' } | Save-VeoVideo -WhatIf");
        Assert.DoesNotContain(result.AllErrorRecords(), e => e.FullyQualifiedErrorId.StartsWith("InputObjectNotBound"));
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_and_is_exported_by_the_manifest()
    {
        var exported = _shell.Run("Get-Command -Module Veo").Objects<CmdletInfo>();
        var defined = typeof(Veo.PowerShell.Commands.NewVeoVideoCommand).Assembly.GetTypes().Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null).ToList();

        Assert.Equal(defined.Count, exported.Count);
        foreach (var cmdlet in exported)
        {
            Assert.NotEmpty(cmdlet.OutputType);
            Assert.Equal(cmdlet.Name.Replace("-", "") + "Command", cmdlet.ImplementingType.Name);
            Assert.Contains(cmdlet.ImplementingType, defined);
        }
    }
}

public class ManifestTests : IClassFixture<ModuleSession>
{
    private readonly PSModuleInfo _module;

    public ManifestTests(ModuleSession module) => _module = module.Shell.Run("Get-Module Veo").Single<PSModuleInfo>();

    [Fact]
    public void The_module_version_is_the_one_the_build_stamps_on_the_assembly()
    {
        var version = typeof(Veo.PowerShell.Commands.NewVeoVideoCommand).Assembly.GetName().Version!;
        Assert.Equal(new Version(version.Major, version.Minor, version.Build), _module.Version);
    }

    [Fact]
    public void It_runs_on_Windows_PowerShell_5_1_and_PowerShell_7()
    {
        Assert.Equal(new[] { "Desktop", "Core" }, _module.CompatiblePSEditions);
        Assert.Equal(new Version(5, 1), _module.PowerShellVersion);
    }

    [Fact]
    public void The_format_file_is_loaded() =>
        Assert.Equal("Veo.format.ps1xml", Path.GetFileName(Assert.Single(_module.ExportedFormatFiles)));

    [Fact]
    public void The_license_and_project_are_linked() =>
        Assert.All(new[] { _module.LicenseUri, _module.ProjectUri }, uri => Assert.Equal("https", uri?.Scheme));

    [Fact]
    public void The_release_notes_name_the_version() =>
        Assert.StartsWith(_module.Version.ToString(3), _module.ReleaseNotes);

    [Fact]
    public void Only_cmdlets_are_exported() =>
        Assert.Equal((0, 0, 0), (_module.ExportedFunctions.Count, _module.ExportedVariables.Count, _module.ExportedAliases.Count));
}
