using System.Management.Automation;

namespace Veo.HelpGen.Tests;

/// <summary>The generator reads the cmdlets from real PowerShell, which imports the dll: these are the real module's.</summary>
public class CmdletReaderTests
{
    private static readonly IReadOnlyList<CmdletInfo> Cmdlets = CmdletReader.Read(TempDocs.Module);

    private static CmdletInfo Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);

    private static ParameterMetadata Parameter(string cmdlet, string name) => CmdletReader.ParametersOf(Cmdlet(cmdlet)).Single(p => p.Name == name);

    [Fact]
    public void Every_cmdlet_the_manifest_exports_is_found_with_its_verb_noun_and_class()
    {
        var manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Veo.psd1"));
        var exported = System.Text.RegularExpressions.Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value
            .Split(',').Select(n => n.Trim().Trim('\'')).Where(n => n.Length > 0);

        Assert.Equal(exported.Order(StringComparer.OrdinalIgnoreCase), Cmdlets.Select(c => c.Name));
        Assert.Equal("Veo.PowerShell.Commands.NewVeoVideoCommand", Cmdlet("New-VeoVideo").ImplementingType.FullName);
        Assert.Equal(("New", "VeoVideo"), (Cmdlet("New-VeoVideo").Verb, Cmdlet("New-VeoVideo").Noun));
    }

    [Fact]
    public void A_parameter_carries_its_binding_type_and_aliases()
    {
        var prompt = Parameter("New-VeoVideo", "Prompt");
        var (set, binding) = Assert.Single(prompt.ParameterSets);
        Assert.Equal((CmdletReader.AllSets, true, "0", "True (ByPropertyName, ByValue)"), (set, binding.IsMandatory, CmdletReader.Position(binding), CmdletReader.Pipeline([binding])));
        Assert.Equal("String", CmdletReader.TypeName(prompt));
        Assert.Equal(new[] { "Seconds", "DurationSeconds" }, Parameter("New-VeoVideo", "Duration").Aliases);
        Assert.Equal("String[]", CmdletReader.TypeName(Parameter("New-VeoVideo", "ReferenceImage")));
    }

    [Fact]
    public void Nullable_types_are_shown_as_the_type_they_hold()
    {
        Assert.Equal("Decimal", CmdletReader.TypeName(Parameter("New-VeoVideo", "MaxCost")));
        Assert.Equal("Int64", CmdletReader.TypeName(Parameter("New-VeoVideo", "Seed")));
        Assert.True(Parameter("New-VeoVideo", "NoAudio").SwitchParameter);
    }

    [Fact]
    public void A_generic_type_is_named_as_platyPS_writes_it_not_as_Type_Name_spells_it()
    {
        Assert.Equal("List[String]", CmdletReader.TypeName(new System.Management.Automation.ParameterMetadata("Items", typeof(List<string>))));
        Assert.Equal("Dictionary[String,Int32][]", CmdletReader.TypeName(new System.Management.Automation.ParameterMetadata("Maps", typeof(Dictionary<string, int>[]))));
    }

    [Fact]
    public void SupportsShouldProcess_adds_WhatIf_and_Confirm_after_the_declared_parameters()
    {
        var names = CmdletReader.ParametersOf(Cmdlet("New-VeoVideo")).Select(p => p.Name).ToList();
        Assert.Equal(new[] { "WhatIf", "Confirm" }, names.TakeLast(2));
        Assert.Equal(new[] { "wi" }, Parameter("New-VeoVideo", "WhatIf").Aliases);
        Assert.DoesNotContain(CmdletReader.ParametersOf(Cmdlet("Wait-VeoVideo")), p => p.Name == "WhatIf");
    }

    [Fact]
    public void Parameters_inherited_from_a_base_class_are_read_with_their_sets_and_common_parameters_are_left_out()
    {
        var wait = Cmdlet("Wait-VeoVideo");
        Assert.Equal(new[] { "ApiKey", "BaseUri", "Id", "InputObject", "PollInterval", "Route", "ThrottleLimit", "Timeout" }, CmdletReader.ParametersOf(wait).Select(p => p.Name).Order());
        Assert.Equal(new[] { "Task", "Id" }, wait.ParameterSets.Select(s => s.Name));
        Assert.Equal("VideoTask[]", CmdletReader.TypeName(Parameter("Wait-VeoVideo", "InputObject")));
        Assert.Equal(new[] { "TaskId", "task_id" }, Parameter("Wait-VeoVideo", "Id").Aliases);
    }

    [Fact]
    public void A_parameter_in_several_sets_has_one_binding_per_set()
    {
        Assert.Equal(new[] { "Table", "Live" }, Parameter("Get-VeoPrice", "Route").ParameterSets.Keys);
        Assert.Equal(new[] { "Table", "Live", "Task" }, Cmdlet("Get-VeoPrice").ParameterSets.Select(s => s.Name));
    }

    [Fact]
    public void Output_types_are_read_by_full_name()
    {
        Assert.Equal(new[] { "Veo.Core.Pricing.PriceQuote", "Veo.Core.Pricing.PriceDifference", "Veo.Core.Pricing.PriceTotal" }, CmdletReader.OutputTypes(Cmdlet("Get-VeoPrice")));
        Assert.Equal(new[] { "Veo.PowerShell.Commands.VeoConnection" }, CmdletReader.OutputTypes(Cmdlet("Connect-Veo")));
    }
}
