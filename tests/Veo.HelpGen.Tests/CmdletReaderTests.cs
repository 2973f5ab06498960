using Veo.HelpGen.Cmdlets;
using Veo.HelpGen.Docs;

namespace Veo.HelpGen.Tests;

/// <summary>The generator reads the cmdlets from real PowerShell, which imports the dll: these are the real module's.</summary>
public class CmdletReaderTests
{
    private static readonly IReadOnlyList<CmdletMetadata> Cmdlets = CmdletReader.Read(TempDocs.Module);

    private static CmdletMetadata Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);

    private static ParameterMetadata Parameter(string cmdlet, string name) => Cmdlet(cmdlet).Parameters.Single(p => p.Name == name);

    [Fact]
    public void Every_cmdlet_the_manifest_exports_is_found_with_its_verb_noun_and_class()
    {
        var manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Veo.psd1"));
        var exported = System.Text.RegularExpressions.Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value
            .Split(',').Select(n => n.Trim().Trim('\'')).Where(n => n.Length > 0);

        Assert.Equal(exported.Order(StringComparer.OrdinalIgnoreCase), Cmdlets.Select(c => c.Name));
        Assert.Equal("Veo.PowerShell.Commands.NewVeoVideoCommand", Cmdlet("New-VeoVideo").ClassName);
        Assert.Equal(("New", "VeoVideo"), (Cmdlet("New-VeoVideo").Verb, Cmdlet("New-VeoVideo").Noun));
    }

    [Fact]
    public void A_parameter_carries_its_binding_type_and_aliases()
    {
        var prompt = Parameter("New-VeoVideo", "Prompt");
        var binding = Assert.Single(prompt.Sets);
        Assert.Equal(new ParameterSetMetadata(CmdletMetadata.AllParameterSets, true, 0, PipelineInput.ByValue | PipelineInput.ByPropertyName), binding);
        Assert.Equal("String", prompt.TypeName);
        Assert.Equal(new[] { "Seconds", "DurationSeconds" }, Parameter("New-VeoVideo", "Duration").Aliases);
        Assert.Equal("String[]", Parameter("New-VeoVideo", "ReferenceImage").TypeName);
    }

    [Fact]
    public void Nullable_types_are_shown_as_the_type_they_hold()
    {
        Assert.Equal("Decimal", Parameter("New-VeoVideo", "MaxCost").TypeName);
        Assert.Equal("Int64", Parameter("New-VeoVideo", "Seed").TypeName);
        Assert.True(Parameter("New-VeoVideo", "NoAudio").IsSwitch);
    }

    [Fact]
    public void SupportsShouldProcess_adds_WhatIf_and_Confirm_after_the_declared_parameters()
    {
        var names = Cmdlet("New-VeoVideo").Parameters.Select(p => p.Name).ToList();
        Assert.Equal(new[] { "WhatIf", "Confirm" }, names.TakeLast(2));
        Assert.Equal(new[] { "wi" }, Parameter("New-VeoVideo", "WhatIf").Aliases);
        Assert.DoesNotContain(Cmdlet("Wait-VeoVideo").Parameters, p => p.Name == "WhatIf");
    }

    [Fact]
    public void Parameters_inherited_from_a_base_class_are_read_with_their_sets_and_common_parameters_are_left_out()
    {
        var wait = Cmdlet("Wait-VeoVideo");
        Assert.Equal(new[] { "ApiKey", "BaseUri", "Id", "InputObject", "PollInterval", "Route", "ThrottleLimit", "Timeout" }, wait.Parameters.Select(p => p.Name).Order());
        Assert.Equal(new[] { "Task", "Id" }, wait.ParameterSets);
        Assert.Equal("VideoTask[]", Parameter("Wait-VeoVideo", "InputObject").TypeName);
        Assert.Equal(new[] { "TaskId", "task_id" }, Parameter("Wait-VeoVideo", "Id").Aliases);
    }

    [Fact]
    public void A_parameter_in_several_sets_has_one_binding_per_set()
    {
        Assert.Equal(new[] { "Table", "Live" }, Parameter("Get-VeoPrice", "Route").Sets.Select(s => s.Set));
        Assert.Equal(new[] { "Table", "Live", "Task" }, Cmdlet("Get-VeoPrice").ParameterSets);
    }

    [Fact]
    public void Output_types_are_read_by_full_name()
    {
        Assert.Equal(new[] { "Veo.Core.Pricing.PriceQuote", "Veo.Core.Pricing.PriceDifference" }, Cmdlet("Get-VeoPrice").OutputTypes);
        Assert.Equal(new[] { "Veo.PowerShell.Commands.VeoConnection" }, Cmdlet("Connect-Veo").OutputTypes);
    }
}
