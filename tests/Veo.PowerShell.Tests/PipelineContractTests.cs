using System.Management.Automation;
using System.Reflection;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Hosting;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

/// <summary>The cmdlets fit together: what one writes, the next can bind, checked from the attributes' metadata.</summary>
public class PipelineContractTests
{
    private static readonly Type[] Cmdlets = typeof(VeoCmdlet).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(VeoCmdlet).IsAssignableFrom(t)).ToArray();

    public static TheoryData<Type, Type> Links => new()
    {
        { typeof(NewVeoVideoCommand), typeof(WaitVeoVideoCommand) },
        { typeof(WaitVeoVideoCommand), typeof(SaveVeoVideoCommand) },
        { typeof(NewVeoVideoCommand), typeof(SaveVeoVideoCommand) },
        { typeof(NewVeoVideoCommand), typeof(GetVeoPriceCommand) },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void The_upstream_output_binds_to_the_downstream_cmdlet(Type upstream, Type downstream)
    {
        var output = Assert.Single(CmdletParameter.OutputTypes(upstream));
        var parameters = CmdletParameter.Of(downstream);
        Assert.Contains(parameters, p => p.FromPipeline && p.Type.IsAssignableFrom(output));
    }

    [Theory]
    [MemberData(nameof(Links))]
    public void Every_parameter_bound_by_property_name_exists_on_the_upstream_output_with_a_compatible_type(Type upstream, Type downstream)
    {
        var output = Assert.Single(CmdletParameter.OutputTypes(upstream));
        foreach (var parameter in CmdletParameter.Of(downstream).Where(p => p.FromPipelineByPropertyName && p.ParameterSet != ParameterAttribute.AllParameterSets))
        {
            var property = new[] { parameter.Name }.Concat(parameter.Aliases)
                .Select(n => output.GetProperty(n, BindingFlags.Public | BindingFlags.Instance))
                .FirstOrDefault(p => p is not null);
            Assert.True(property is not null, $"{downstream.Name} -{parameter.Name} binds by property name, but {output.Name} has no such property.");
            var type = Nullable.GetUnderlyingType(property!.PropertyType) ?? property.PropertyType;
            Assert.True(parameter.Type.IsAssignableFrom(type) || parameter.Type == typeof(string[]) && type == typeof(string),
                $"{output.Name}.{property.Name} is {type.Name}; {downstream.Name} -{parameter.Name} takes {parameter.Type.Name}.");
        }
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_and_is_exported_by_the_manifest()
    {
        var manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Veo.psd1"));
        foreach (var cmdlet in Cmdlets)
        {
            Assert.NotEmpty(CmdletParameter.OutputTypes(cmdlet));
            var attribute = cmdlet.GetCustomAttributesData().Single(a => a.AttributeType == typeof(CmdletAttribute));
            var name = $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
            Assert.Equal(name.Replace("-", "") + "Command", cmdlet.Name);
            Assert.Contains($"'{name}'", manifest);
        }
    }
}

public class ManifestTests
{
    private static readonly string Manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Veo.psd1"));

    [Fact]
    public void The_manifest_version_is_the_one_the_build_stamps_on_the_assembly()
    {
        var version = typeof(Veo.PowerShell.Hosting.VeoCmdlet).Assembly.GetName().Version!;
        Assert.Contains($"ModuleVersion        = '{version.Major}.{version.Minor}.{version.Build}'", Manifest);
    }

    [Theory]
    [InlineData("CompatiblePSEditions = @('Desktop', 'Core')")]
    [InlineData("PowerShellVersion    = '5.1'")]
    [InlineData("FormatsToProcess     = @('Veo.format.ps1xml')")]
    [InlineData("LicenseUri")]
    [InlineData("ProjectUri")]
    [InlineData("ReleaseNotes")]
    public void The_manifest_is_explicit(string line) => Assert.Contains(line, Manifest);
}
