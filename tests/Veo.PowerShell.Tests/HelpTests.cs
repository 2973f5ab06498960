using System.Management.Automation;
using System.Xml.Linq;
using Veo.PowerShell.Hosting;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

/// <summary>
/// The help that ships with the module (en-US/Veo.PowerShell.dll-Help.xml, generated from docs/*.md at build
/// time) is MAML that Get-Help can read, and it tells the truth about every cmdlet, read from the attributes.
/// </summary>
public class HelpTests
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly string HelpFile = Path.Combine(AppContext.BaseDirectory, "en-US", "Veo.PowerShell.dll-Help.xml");
    private static readonly Lazy<XDocument> Help = new(() => XDocument.Load(HelpFile));

    private static readonly Type[] CmdletTypes = typeof(VeoCmdlet).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && typeof(VeoCmdlet).IsAssignableFrom(t)).ToArray();

    public static TheoryData<string> Cmdlets()
    {
        var data = new TheoryData<string>();
        foreach (var type in CmdletTypes) data.Add(NameOf(type));
        return data;
    }

    [Fact]
    public void The_help_file_is_MAML_that_Get_Help_reads()
    {
        var root = Help.Value.Root!;
        Assert.Equal(Msh + "helpItems", root.Name);
        Assert.Equal("maml", (string?)root.Attribute("schema"));
        Assert.All(root.Elements(), command =>
        {
            Assert.Equal(Command + "command", command.Name);
            Assert.Equal(Maml.NamespaceName, command.GetNamespaceOfPrefix("maml")?.NamespaceName);
            Assert.Equal(Dev.NamespaceName, command.GetNamespaceOfPrefix("dev")?.NamespaceName);
            Assert.NotNull(command.Element(Command + "details")?.Element(Command + "name"));
        });
        Assert.Equal(CmdletTypes.Select(NameOf).OrderBy(n => n), root.Elements().Select(c => (string)c.Element(Command + "details")!.Element(Command + "name")!).OrderBy(n => n));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_cmdlet_has_a_synopsis_a_description_inputs_outputs_and_three_examples(string cmdlet)
    {
        var command = CommandHelp(cmdlet);
        var details = command.Element(Command + "details")!;
        var (verb, noun) = (cmdlet.Split('-')[0], cmdlet.Split('-')[1]);

        Assert.Equal((verb, noun), ((string)details.Element(Command + "verb")!, (string)details.Element(Command + "noun")!));
        Assert.False(string.IsNullOrWhiteSpace(Text(details.Element(Maml + "description"))), $"{cmdlet} has no synopsis.");
        Assert.True(Text(command.Element(Maml + "description")).Length > 100, $"{cmdlet} has no real description.");
        Assert.NotEmpty(TypeNames(command, "inputTypes", "inputType"));
        Assert.NotEmpty(TypeNames(command, "returnValues", "returnValue"));
        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.True(examples.Count >= 3, $"{cmdlet} has {examples.Count} examples; it needs at least 3.");
        Assert.All(examples, example =>
        {
            Assert.Contains("Example", (string)example.Element(Maml + "title")!);
            Assert.Contains(cmdlet, (string)example.Element(Dev + "code")!);
            Assert.NotEmpty(Text(example.Element(Dev + "remarks")));
        });
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_declared_output_type_is_named_under_outputs(string cmdlet)
    {
        var outputs = TypeNames(CommandHelp(cmdlet), "returnValues", "returnValue");
        Assert.All(CmdletParameter.OutputTypes(TypeOf(cmdlet)), type => Assert.Contains(type.FullName, outputs));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_parameter_is_documented_with_its_type_aliases_and_pipeline_input(string cmdlet)
    {
        var documented = CommandHelp(cmdlet).Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => (string)p.Element(Maml + "name")!);
        foreach (var parameter in CmdletParameter.Of(TypeOf(cmdlet)).GroupBy(p => p.Name))
        {
            Assert.True(documented.TryGetValue(parameter.Key, out var help), $"{cmdlet} -{parameter.Key} is not in the help.");
            var first = parameter.First();
            Assert.Equal(ShortName(first.Type), (string)help!.Element(Dev + "type")!.Element(Maml + "name")!);
            Assert.Equal(ShortName(first.Type), (string)help.Element(Command + "parameterValue")!);
            Assert.Equal(first.Aliases.OrderBy(a => a), Aliases(help));
            Assert.Equal(Pipeline(parameter.Any(p => p.FromPipelineByPropertyName), parameter.Any(p => p.FromPipeline)), (string)help.Attribute("pipelineInput")!);
            Assert.Equal(parameter.All(p => p.Mandatory) ? "true" : "false", (string)help.Attribute("required")!);
            Assert.NotEmpty(Text(help.Element(Maml + "description")));
        }
        var declared = CmdletParameter.Of(TypeOf(cmdlet)).Select(p => p.Name).Concat(ShouldProcessParameters(cmdlet));
        Assert.Empty(documented.Keys.Except(declared));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_parameter_set_is_a_syntax_item_and_each_parameter_appears_in_the_sets_it_belongs_to(string cmdlet)
    {
        var parameters = CmdletParameter.Of(TypeOf(cmdlet));
        var sets = parameters.Select(p => p.ParameterSet).Where(s => s != ParameterAttribute.AllParameterSets).Distinct().ToList();
        var items = CommandHelp(cmdlet).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

        Assert.Equal(Math.Max(1, sets.Count), items.Count);
        Assert.All(items, item => Assert.Equal(cmdlet, (string)item.Element(Maml + "name")!));
        foreach (var parameter in parameters.GroupBy(p => p.Name))
        {
            var expected = parameter.Any(p => p.ParameterSet == ParameterAttribute.AllParameterSets) ? items.Count : parameter.Count();
            var mandatory = parameter.Count(p => p.Mandatory);
            var found = items.SelectMany(i => i.Elements(Command + "parameter")).Where(p => (string)p.Element(Maml + "name")! == parameter.Key).ToList();
            Assert.Equal(expected, found.Count);
            Assert.Equal(mandatory, found.Count(p => (string)p.Attribute("required")! == "true"));
        }
    }

    /// <summary>A default the code sets (Model = "Fast", Duration = 8, Timeout = 1200...) is the one the help states.</summary>
    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Documented_defaults_match_the_property_initialisers(string cmdlet)
    {
        var fresh = Activator.CreateInstance(TypeOf(cmdlet))!;
        var documented = CommandHelp(cmdlet).Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => (string)p.Element(Maml + "name")!, p => (string)p.Element(Dev + "defaultValue")!);
        // A mandatory parameter has no default: whatever its initialiser holds is never used.
        foreach (var parameter in CmdletParameter.Of(TypeOf(cmdlet)).Where(p => !p.Mandatory).Select(p => p.Property).Distinct())
        {
            var value = parameter.GetValue(fresh);
            if (value is null or SwitchParameter or 0 or "") continue;
            Assert.StartsWith(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, documented[parameter.Name]);
        }
    }

    [Fact]
    public void The_examples_show_a_single_video_a_capped_CSV_batch_and_resuming_after_a_crash()
    {
        var code = Help.Value.Descendants(Dev + "code").Select(c => (string)c).ToList();

        Assert.Contains(code, c => c.Contains("New-VeoVideo -Prompt") && c.Contains("Wait-VeoVideo") && c.Contains("Save-VeoVideo"));
        Assert.Contains(code, c => c.Contains("Import-Csv") && c.Contains("New-VeoVideo -MaxCost"));
        Assert.Contains(code, c => c.Contains("Import-Csv ./ids.csv | Wait-VeoVideo | Save-VeoVideo"));
        Assert.Contains(code, c => c.Contains("journal.jsonl") && c.Contains("Wait-VeoVideo"));
    }

    [Fact]
    public void The_about_topic_ships_in_en_US_names_every_cmdlet_and_has_its_synopsis_on_line_five()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "en-US", "about_Veo.help.txt"));

        Assert.Equal(new[] { "TOPIC", "    about_Veo", "", "SHORT DESCRIPTION" }, lines.Take(4));
        Assert.StartsWith("    Makes videos", lines[4]);
        var text = string.Join("\n", lines);
        Assert.All(CmdletTypes.Select(NameOf), name => Assert.Contains(name, text));
        Assert.Contains("journal.jsonl", text);
    }

    [Fact]
    public void The_manifest_agrees_with_the_assembly_version_the_changelog_and_the_license()
    {
        var manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Veo.psd1"));
        var version = typeof(VeoCmdlet).Assembly.GetName().Version!;
        var moduleVersion = $"{version.Major}.{version.Minor}.{version.Build}";
        var changelog = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CHANGELOG.md"));
        var license = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "LICENSE"));

        Assert.Contains($"ModuleVersion        = '{moduleVersion}'", manifest);
        Assert.Contains($"ReleaseNotes = '{moduleVersion}:", manifest);
        Assert.Contains("CHANGELOG.md", manifest);
        Assert.Matches($@"(?m)^## \[{Regex(moduleVersion)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog);
        Assert.Contains("Keep a Changelog", changelog);
        Assert.StartsWith("MIT License", license);
        Assert.Contains("Veo contributors", license);
        Assert.Contains("MIT License", manifest);
        Assert.Contains("/LICENSE'", manifest);
    }

    private static XElement CommandHelp(string cmdlet) =>
        Help.Value.Root!.Elements(Command + "command").SingleOrDefault(c => (string)c.Element(Command + "details")!.Element(Command + "name")! == cmdlet)
        ?? throw new Xunit.Sdk.XunitException($"{HelpFile} has no help for {cmdlet}.");

    private static Type TypeOf(string cmdlet) => CmdletTypes.Single(t => NameOf(t) == cmdlet);

    private static string NameOf(Type type)
    {
        var attribute = type.GetCustomAttributesData().Single(a => a.AttributeType == typeof(CmdletAttribute));
        return $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
    }

    private static IEnumerable<string> ShouldProcessParameters(string cmdlet) =>
        TypeOf(cmdlet).GetCustomAttributesData().Single(a => a.AttributeType == typeof(CmdletAttribute)).NamedArguments
            .Any(n => n.MemberName == nameof(CmdletAttribute.SupportsShouldProcess) && (bool)n.TypedValue.Value!)
            ? new[] { "WhatIf", "Confirm" }
            : Array.Empty<string>();

    /// <summary>How help names a type: String, Int32, String[], SecureString.</summary>
    private static string ShortName(Type type) => type.IsArray ? type.GetElementType()!.Name + "[]" : type.Name;

    private static IEnumerable<string> Aliases(XElement parameter)
    {
        var aliases = (string)parameter.Attribute("aliases")!;
        return aliases == "none" ? Array.Empty<string>() : aliases.Split(',').Select(a => a.Trim()).OrderBy(a => a);
    }

    private static string Pipeline(bool byPropertyName, bool byValue) => (byPropertyName, byValue) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByPropertyName)",
        (false, true) => "True (ByValue)",
        _ => "False",
    };

    private static IReadOnlyList<string> TypeNames(XElement command, string list, string item) =>
        command.Element(Command + list)!.Elements(Command + item).Select(t => (string)t.Element(Dev + "type")!.Element(Maml + "name")!).ToList();

    private static string Text(XElement? element) => element is null ? "" : string.Concat(element.Descendants(Maml + "para").Select(p => (string)p)).Trim();

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
