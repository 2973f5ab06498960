using System.Diagnostics;
using System.Xml.Linq;

namespace Veo.HelpGen.Tests;

/// <summary>The generator run on the real docs, and on copies broken one way at a time.</summary>
public class GeneratorTests
{
    private const string Page = "New-VeoVideo.md";

    [Fact]
    public void The_real_docs_make_the_help_file_and_the_about_topic_in_the_culture_folder()
    {
        using var docs = new TempDocs();
        var result = docs.Run();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        var help = Path.Combine(docs.Output, "en-US", "Veo.PowerShell.dll-Help.xml");
        // The MAML first, then one about topic per about_*.md page (about_Veo, about_Veo_Testing, ...).
        var topics = Directory.GetFiles(docs.Docs, "about_*.md").Select(page => Path.Combine(docs.Output, "en-US", Path.GetFileNameWithoutExtension(page) + ".help.txt"));
        Assert.Equal(new[] { help }.Concat(topics.OrderBy(t => t, StringComparer.Ordinal)), result.Written.Take(1).Concat(result.Written.Skip(1).OrderBy(t => t, StringComparer.Ordinal)));
        Assert.Contains(Path.Combine(docs.Output, "en-US", "about_Veo_Testing.help.txt"), result.Written);
        Assert.Equal(Directory.GetFiles(docs.Docs, "*-*.md").Length, XDocument.Load(help).Root!.Elements().Count());
    }

    [Fact]
    public void A_documented_parameter_the_cmdlet_does_not_have_fails_with_the_page_line_and_the_real_parameters()
    {
        using var docs = new TempDocs();
        docs.Edit(Page, "### -Seed", "### -Bogus\nNot a parameter.\n\n```yaml\nType: String\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named\n" +
                                      "Default value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n### -Seed");

        var result = docs.Run();

        Assert.False(result.Succeeded);
        Assert.Empty(result.Written);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(docs.PagePath(Page), diagnostic.File);
        Assert.Equal(docs.LineOf(Page, "### -Bogus"), diagnostic.Line);
        Assert.StartsWith("-Bogus is documented, but New-VeoVideo (Veo.PowerShell.Commands.NewVeoVideoCommand) has no parameter named Bogus.", diagnostic.Message);
        Assert.Contains("-Prompt, -Model", diagnostic.Message);
        Assert.Matches(@"^.+New-VeoVideo\.md\(\d+\): error VEOHELP: -Bogus is documented", diagnostic.ToString());
    }

    [Fact]
    public void An_undocumented_parameter_fails()
    {
        using var docs = new TempDocs();
        var text = File.ReadAllText(docs.PagePath(Page));
        var start = text.IndexOf("### -Seed", StringComparison.Ordinal);
        File.WriteAllText(docs.PagePath(Page), text.Remove(start, text.IndexOf("### -Image", StringComparison.Ordinal) - start));

        var diagnostic = Assert.Single(docs.Run().Diagnostics);
        Assert.Contains("has a parameter -Seed <Int64> that the page does not document", diagnostic.Message);
    }

    [Theory]
    [InlineData("Type: Int64", "Type: Int32", "-Seed: 'Type: Int32' should be 'Type: Int64'.")]
    [InlineData("Aliases: Seconds, DurationSeconds", "Aliases: Seconds", "-Duration: 'Aliases: Seconds' should be 'Aliases: Seconds, DurationSeconds'.")]
    [InlineData("Accept pipeline input: True (ByPropertyName, ByValue)", "Accept pipeline input: True (ByValue)", "-Prompt: 'Accept pipeline input: True (ByValue)' should be 'Accept pipeline input: True (ByPropertyName, ByValue)'.")]
    [InlineData("Accept pipeline input: True (ByPropertyName, ByValue)", "Accept pipeline input: Yes", "-Prompt: 'Accept pipeline input: Yes' should be 'Accept pipeline input: True (ByPropertyName, ByValue)'.")]
    [InlineData("Required: True", "Required: False", "-Prompt: 'Required: False' should be 'Required: True'.")]
    [InlineData("Position: 0", "Position: Named", "-Prompt: 'Position: Named' should be 'Position: 0'.")]
    [InlineData("Accept wildcard characters: False", "Accept wildcard characters: True", "-Prompt: 'Accept wildcard characters: True' should be 'Accept wildcard characters: False'.")]
    [InlineData("Accepted values: Crop, Pad", "Accepted values: Crop", "-ResizeMode: 'Accepted values: Crop' should be 'Accepted values: Crop, Pad'.")]
    public void A_parameter_that_binds_differently_from_the_code_fails_at_the_line_of_the_field(string find, string replace, string expected)
    {
        using var docs = new TempDocs();
        var line = docs.EditFirst(Page, find, replace);

        var diagnostic = Assert.Single(docs.Run().Diagnostics);
        Assert.Equal(expected, diagnostic.Message);
        Assert.Equal(line, diagnostic.Line);
    }

    [Fact]
    public void Accepted_values_are_required_for_a_ValidateSet_and_refused_elsewhere_as_platyPS_writes_them()
    {
        using var docs = new TempDocs();
        docs.Edit(Page, "Accepted values: Crop, Pad\n", "");
        docs.Edit("Get-VeoPrice.md", "Aliases:\n\nRequired: False\nPosition: 0", "Aliases:\nAccepted values: Fast\n\nRequired: False\nPosition: 0");

        var messages = docs.Run().Diagnostics.Select(d => d.Message).ToList();

        Assert.Contains("-ResizeMode: The yaml block has no 'Accepted values: Crop, Pad' line.", messages);
        Assert.Contains("-Model: 'Accepted values:' belongs only to a parameter with a [ValidateSet] (or the module's [OneOf]); -Model has none.", messages);
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public void Pipeline_input_and_aliases_may_be_written_in_any_order()
    {
        using var docs = new TempDocs();
        docs.Edit(Page, "Accept pipeline input: True (ByPropertyName, ByValue)", "Accept pipeline input: True (ByValue, ByPropertyName)");
        docs.Edit(Page, "Aliases: Seconds, DurationSeconds", "Aliases: DurationSeconds, Seconds");

        Assert.Empty(docs.Run().Diagnostics);
    }

    [Fact]
    public void Parameter_sets_that_differ_from_the_code_fail()
    {
        using var docs = new TempDocs();
        docs.Edit("Get-VeoPrice.md", "Parameter Sets: Table, Live", "Parameter Sets: Table");

        Assert.Contains(docs.Run().Diagnostics, d => d.Message == "-Route: 'Parameter Sets: Table' should be 'Parameter Sets: Table, Live'.");
    }

    [Fact]
    public void A_syntax_block_that_differs_from_what_Get_Command_prints_fails_and_shows_the_right_one()
    {
        using var docs = new TempDocs();
        var line = docs.EditFirst("Wait-VeoVideo.md", "[-Timeout <int>] [-PollInterval <int>]", "[-PollInterval <int>] [-Timeout <int>]");

        var diagnostics = docs.Run().Diagnostics;
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(line - 1, diagnostics[0].Line);
        Assert.StartsWith("The syntax of set Task should read: Wait-VeoVideo [-InputObject] <VideoTask[]> [-Timeout <int>] [-PollInterval <int>]", diagnostics[0].Message);
        Assert.Equal(docs.Docs, diagnostics[1].File);
        Assert.EndsWith($"--assembly \"{TempDocs.Module}\" --update-syntax \"{docs.Docs}\"", diagnostics[1].Message);
    }

    [Fact]
    public void Syntax_blocks_in_another_order_than_Get_Command_prints_them_fail()
    {
        using var docs = new TempDocs();
        var text = File.ReadAllText(docs.PagePath("Wait-VeoVideo.md"));
        var task = text.Substring(text.IndexOf("### Task (Default)", StringComparison.Ordinal), text.IndexOf("### Id", StringComparison.Ordinal) - text.IndexOf("### Task (Default)", StringComparison.Ordinal));
        File.WriteAllText(docs.PagePath("Wait-VeoVideo.md"), text.Replace(task, "").Replace("## DESCRIPTION", task + "## DESCRIPTION"));

        var diagnostic = Assert.Single(docs.Run().Diagnostics);
        Assert.Equal("## SYNTAX should list the sets in the order Get-Command -Syntax prints them: Task, Id.", diagnostic.Message);
    }

    [Fact]
    public void Update_syntax_rewrites_only_the_stale_syntax_blocks_to_what_Get_Command_prints()
    {
        using var docs = new TempDocs();
        docs.EditFirst("Wait-VeoVideo.md", "[-Timeout <int>] [-PollInterval <int>]", "[-PollInterval <int>] [-Timeout <int>]");
        var before = File.ReadAllLines(docs.PagePath("Wait-VeoVideo.md"));

        var updated = HelpGenerator.UpdateSyntax(docs.Options);

        Assert.Equal(new[] { docs.PagePath("Wait-VeoVideo.md") }, updated);
        Assert.Empty(docs.Run().Diagnostics);
        var after = File.ReadAllLines(docs.PagePath("Wait-VeoVideo.md"));
        Assert.Contains(after, l => l.StartsWith("Wait-VeoVideo [-InputObject]", StringComparison.Ordinal) && l.Contains("[-Timeout <int>] [-PollInterval <int>]"));
        Assert.Equal(before.TakeWhile(l => !l.StartsWith("Wait-VeoVideo [-InputObject]")), after.TakeWhile(l => !l.StartsWith("Wait-VeoVideo [-InputObject]")));
        Assert.Equal(before.SkipWhile(l => !l.StartsWith("### Id")), after.SkipWhile(l => !l.StartsWith("### Id")));
    }

    [Fact]
    public void A_missing_page_and_a_page_for_no_cmdlet_both_fail()
    {
        using var docs = new TempDocs();
        File.Move(docs.PagePath("Connect-Veo.md"), docs.PagePath("Connect-Video.md"));

        var messages = docs.Run().Diagnostics.Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Connect-Video.md documents a cmdlet named Connect-Video, but Veo.PowerShell.dll has none."));
        Assert.Contains(messages, m => m.StartsWith("Connect-Veo (Veo.PowerShell.Commands.ConnectVeoCommand) has no help page"));
    }

    [Fact]
    public void A_missing_section_a_missing_output_type_and_a_left_placeholder_fail()
    {
        using var docs = new TempDocs();
        docs.Edit("Get-VeoPrice.md", "### Veo.Core.Pricing.PriceDifference", "### Something.Else");
        docs.Edit(Page, "## SYNOPSIS\nStarts", "## SYNOPSIS\n{{ Fill in the Synopsis }} Starts");
        docs.Edit("Connect-Veo.md", "## INPUTS", "## INPUT");

        var messages = docs.Run().Diagnostics.Select(d => d.Message).ToList();
        Assert.Contains("Get-VeoPrice declares [OutputType(Veo.Core.Pricing.PriceDifference)], but ## OUTPUTS has no '### Veo.Core.Pricing.PriceDifference'.", messages);
        Assert.Contains(messages, m => m.StartsWith("A placeholder is left: {{ Fill in the Synopsis }}"));
        Assert.Contains(messages, m => m.StartsWith("'## INPUT' is not a section of a cmdlet page"));
        Assert.Contains("The page has no '## INPUTS' section.", messages);
    }

    [Fact]
    public void Two_examples_of_one_number_fail_at_the_second()
    {
        using var docs = new TempDocs();
        docs.Edit(Page, "### Example 10:", "### Example 9:");

        var diagnostic = Assert.Single(docs.Run().Diagnostics);
        Assert.Equal(docs.LineOf(Page, "### Example 9: On Vertex AI"), diagnostic.Line);
        Assert.StartsWith("'Example 9: On Vertex AI, four silent videos from one request' is example 10 of the page", diagnostic.Message);
    }

    [Fact]
    public void An_about_topic_without_a_short_description_fails()
    {
        using var docs = new TempDocs();
        docs.Edit("about_Veo.md", "## SHORT DESCRIPTION\n", "");

        Assert.Contains(docs.Run().Diagnostics, d => d.File.EndsWith("about_Veo.md") && d.Message.Contains("SHORT DESCRIPTION"));
    }

    [Fact]
    public void The_command_line_tool_exits_1_with_MSBuild_style_errors_and_writes_nothing()
    {
        using var docs = new TempDocs();
        docs.Edit(Page, "### -Seed", "### -Sead");

        var (exitCode, output, errors) = RunTool("--assembly", TempDocs.Module, "--docs", docs.Docs, "--out", docs.Output);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains($"{docs.PagePath(Page)}({docs.LineOf(Page, "### -Sead")}): error VEOHELP: -Sead is documented, but New-VeoVideo", errors);
        Assert.Contains("has a parameter -Seed <Int64> that the page does not document", errors);
        Assert.False(Directory.Exists(docs.Output));
    }

    [Fact]
    public void The_command_line_tool_writes_the_help_when_the_docs_are_right()
    {
        using var docs = new TempDocs();

        var (exitCode, output, errors) = RunTool("--assembly", TempDocs.Module, "--docs", docs.Docs, "--out", docs.Output);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Veo.PowerShell.dll-Help.xml", output);
        Assert.True(File.Exists(Path.Combine(docs.Output, "en-US", "about_Veo.help.txt")));
    }

    [Fact]
    public void The_command_line_tool_imports_a_module_from_obj_when_its_dependencies_are_passed_and_says_what_is_missing_otherwise()
    {
        using var docs = new TempDocs();
        var alone = Path.Combine(docs.Root, "obj", "Veo.PowerShell.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(alone)!);
        File.Copy(TempDocs.Module, alone);

        var (exitCode, _, errors) = RunTool("--assembly", alone, "--docs", docs.Docs, "--out", docs.Output);
        Assert.Equal(1, exitCode);
        // The first of Veo's own assemblies PowerShell reaches for (Veo.Emulator or Veo.Core), named.
        Assert.Contains($"PowerShell could not import '{alone}': Could not load file or assembly 'Veo.", errors);

        var dependencies = string.Join(";", DependenciesOf(TempDocs.Module));
        (exitCode, _, errors) = RunTool("--assembly", alone, "--docs", docs.Docs, "--out", docs.Output, "--references", dependencies);
        Assert.True(exitCode == 0, errors);
    }

    /// <summary>
    /// The dlls beside the module that it needs, found by following its assembly references (what the build passes as
    /// ReferenceCopyLocalPaths): a new dependency of Veo.Core or the emulator is passed without this test naming it.
    /// PowerShell's own assemblies are left out, as pwsh brings them.
    /// </summary>
    private static IReadOnlyList<string> DependenciesOf(string module)
    {
        var folder = Path.GetDirectoryName(module)!;
        var found = new List<string>();
        var pending = new Queue<string>(new[] { module });
        while (pending.Count > 0)
        {
            using var file = File.OpenRead(pending.Dequeue());
            using var pe = new System.Reflection.PortableExecutable.PEReader(file);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in metadata.AssemblyReferences)
            {
                var name = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
                var path = Path.Combine(folder, name + ".dll");
                if (name.StartsWith("System.Management.Automation", StringComparison.Ordinal) || name.StartsWith("Microsoft.PowerShell", StringComparison.Ordinal)
                    || !File.Exists(path) || found.Contains(path)) continue;
                found.Add(path);
                pending.Enqueue(path);
            }
        }
        return found;
    }

    private static (int ExitCode, string Output, string Errors) RunTool(params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Veo.HelpGen.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "Veo.HelpGen did not finish within a minute.");
        return (process.ExitCode, output.Result, errors.Result);
    }
}
