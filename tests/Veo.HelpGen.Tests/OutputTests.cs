using System.Management.Automation;
using System.Xml.Linq;

namespace Veo.HelpGen.Tests;

/// <summary>What is written: MAML in the schema Get-Help reads, about topics in PowerShell's text layout, scaffolds that check.</summary>
public class OutputTests
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly IReadOnlyList<CmdletInfo> Cmdlets = CmdletReader.Read(TempDocs.Module);

    private static XElement HelpFor(string cmdlet)
    {
        var metadata = Cmdlets.Single(c => c.Name == cmdlet);
        var page = Path.Combine(TempDocs.RealDocs, cmdlet + ".md");
        var diagnostics = new List<Diagnostic>();
        var doc = CommandDocReader.Read(page, File.ReadAllText(page), diagnostics);
        Assert.Empty(diagnostics);
        return MamlWriter.Write(new[] { (metadata, doc) }).Root!.Element(Command + "command")!;
    }

    [Fact]
    public void The_root_is_helpItems_in_the_msh_namespace_with_the_maml_schema()
    {
        var document = MamlWriter.Write(Array.Empty<(CmdletInfo, CommandDoc)>());
        Assert.Equal(XName.Get("helpItems", "http://msh"), document.Root!.Name);
        Assert.Equal("maml", (string?)document.Root.Attribute("schema"));
        Assert.Equal("utf-8", document.Declaration!.Encoding);
    }

    [Fact]
    public void A_command_has_details_syntax_parameters_inputs_outputs_examples_and_links_in_platyPS_order()
    {
        var command = HelpFor("Wait-VeoVideo");

        Assert.Equal(new[] { "details", "description", "syntax", "parameters", "inputTypes", "returnValues", "alertSet", "examples", "relatedLinks" },
            command.Elements().Select(e => e.Name.LocalName));
        var details = command.Element(Command + "details")!;
        Assert.Equal(("Wait-VeoVideo", "Wait", "VeoVideo"), ((string)details.Element(Command + "name")!, (string)details.Element(Command + "verb")!, (string)details.Element(Command + "noun")!));
        Assert.StartsWith("Waits for many", (string)details.Element(Maml + "description")!.Element(Maml + "para")!);
        Assert.Equal("Online Version:", (string)command.Element(Command + "relatedLinks")!.Elements().First().Element(Maml + "linkText")!);
    }

    [Fact]
    public void Each_parameter_set_is_a_syntax_item_with_the_bindings_of_that_set()
    {
        var items = HelpFor("Wait-VeoVideo").Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

        Assert.Equal(2, items.Count);
        var id = items[1].Elements(Command + "parameter").First();
        Assert.Equal("Id", (string)id.Element(Maml + "name")!);
        Assert.Equal(("true", "0", "True (ByPropertyName, ByValue)", "TaskId, task_id"),
            ((string)id.Attribute("required")!, (string)id.Attribute("position")!, (string)id.Attribute("pipelineInput")!, (string)id.Attribute("aliases")!));
        Assert.Equal("string[]", (string)id.Element(Command + "parameterValue")!);
        Assert.DoesNotContain(items[0].Elements(Command + "parameter"), p => (string)p.Element(Maml + "name")! == "Id");
    }

    [Fact]
    public void A_switch_has_no_value_in_the_syntax_but_names_its_type_in_the_parameters()
    {
        var command = HelpFor("Save-VeoVideo");
        var inSyntax = command.Descendants(Command + "syntaxItem").First().Elements(Command + "parameter").Single(p => (string)p.Element(Maml + "name")! == "Force");
        var inParameters = command.Element(Command + "parameters")!.Elements().Single(p => (string)p.Element(Maml + "name")! == "Force");

        Assert.Null(inSyntax.Element(Command + "parameterValue"));
        Assert.Equal("SwitchParameter", (string)inParameters.Element(Command + "parameterValue")!);
        Assert.Equal("SwitchParameter", (string)inParameters.Element(Dev + "type")!.Element(Maml + "name")!);
        Assert.Equal("False", (string)inParameters.Element(Dev + "defaultValue")!);
    }

    [Fact]
    public void An_example_has_a_title_its_code_and_its_remarks()
    {
        var example = HelpFor("New-VeoVideo").Element(Command + "examples")!.Elements().First();

        Assert.Equal("---------- Example 1: One video from a prompt, start to finish ----------", (string)example.Element(Maml + "title")!);
        Assert.StartsWith("New-VeoVideo -Prompt 'A cinematic lighthouse", (string)example.Element(Dev + "code")!);
        Assert.Contains("\n    Wait-VeoVideo |", (string)example.Element(Dev + "code")!);
        Assert.StartsWith("Makes one 8-second 720p", (string)example.Element(Dev + "remarks")!.Element(Maml + "para")!);
    }

    [Fact]
    public void What_an_example_prints_is_in_its_remarks_not_in_its_code()
    {
        var example = HelpFor("New-VeoVideo").Element(Command + "examples")!.Elements()
            .Single(e => ((string)e.Element(Maml + "title")!).Contains("refused before any call"));
        var remarks = example.Element(Dev + "remarks")!.Elements(Maml + "para").Select(p => (string)p).ToList();

        // Pasted from Get-Help, the code runs as it stands: the error lines it prints are not part of it.
        Assert.Equal("New-VeoVideo 'A calm sea' -Resolution 1080p -Duration 4\n$Error[0].FullyQualifiedErrorId", (string)example.Element(Dev + "code")!);
        Assert.StartsWith("New-VeoVideo: 1080p is only made as an 8-second video", remarks[0]);
        Assert.EndsWith("\nInvalidVideoRequest,Veo.PowerShell.Commands.NewVeoVideoCommand", remarks[0]);
        Assert.StartsWith("Nothing is sent and nothing is paid.", remarks[1]);
    }

    [Fact]
    public void An_about_topic_keeps_its_synopsis_on_line_five_and_wraps_at_80_columns()
    {
        var diagnostics = new List<Diagnostic>();
        var text = AboutTopicWriter.Write("about_Test.md", "# about_Test\n\n## SHORT DESCRIPTION\nWhat it is.\n\n## LONG DESCRIPTION\n" +
                                                          string.Join(" ", Enumerable.Repeat("word", 40)) + "\n\n```powershell\nGet-Thing\n```\n\n### More\n- an item\n- another\n", diagnostics)!;
        var lines = text.Split('\n');

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "TOPIC", "    about_Test", "", "SHORT DESCRIPTION", "    What it is.", "", "LONG DESCRIPTION" }, lines.Take(7));
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        Assert.Contains("        Get-Thing", lines);
        Assert.Equal(new[] { "  More", "    - an item", "    - another" }, lines.SkipWhile(l => l != "  More").Take(3));
    }

    [Fact]
    public void A_scaffolded_page_agrees_with_its_cmdlet_and_only_lacks_words()
    {
        foreach (var cmdlet in Cmdlets)
        {
            var diagnostics = new List<Diagnostic>();
            var doc = CommandDocReader.Read(cmdlet.Name + ".md", PageScaffold.Write(cmdlet, "Veo.PowerShell.dll-Help.xml", "Veo"), diagnostics);
            diagnostics.AddRange(DocCheck.Check(doc, cmdlet));

            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, d => Assert.StartsWith("A placeholder is left", d.Message));
        }
    }
}
