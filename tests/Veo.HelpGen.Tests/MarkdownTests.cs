using Veo.HelpGen.Docs;
using Veo.HelpGen.Markdown;

namespace Veo.HelpGen.Tests;

public class MarkdownTests
{
    [Fact]
    public void Front_matter_headings_paragraphs_lists_code_and_tables_become_blocks_with_their_lines()
    {
        var file = MarkdownParser.Parse("---\nModule Name: Veo\n---\n\n# Title\n\nOne\nparagraph.\n\n- item one\n  goes on\n- item two\n\n```powershell\n# not a heading\nGet-Thing\n```\n| a | b |\n|---|---|\n");

        Assert.Equal("Veo", file.FrontMatter["module name"]);
        Assert.Equal(new[]
        {
            new Block(BlockKind.Heading, "Title", 5, 1),
            new Block(BlockKind.Paragraph, "One paragraph.", 7),
            new Block(BlockKind.ListItem, "item one goes on", 10),
            new Block(BlockKind.ListItem, "item two", 12),
            new Block(BlockKind.Code, "# not a heading\nGet-Thing", 14, Language: "powershell"),
            new Block(BlockKind.Table, "| a | b |\n|---|---|", 18),
        }, file.Blocks);
    }

    [Fact]
    public void An_unclosed_code_fence_names_its_line()
    {
        var e = Assert.Throws<MarkdownFormatException>(() => MarkdownParser.Parse("# T\n\n```yaml\nType: String\n"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Links_to_the_web_keep_their_address_and_links_to_pages_keep_their_text()
    {
        Assert.Equal("See about_CommonParameters (http://go.microsoft.com/fwlink/?LinkID=113216) and Wait-VeoVideo.",
            InlineText.Plain("See [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216) and [Wait-VeoVideo](Wait-VeoVideo.md)."));
        Assert.Equal("a bold word, `code` kept", InlineText.Plain("a **bold** word, `code` kept"));
    }

    [Theory]
    [InlineData("False", PipelineInput.None)]
    [InlineData("True (ByValue)", PipelineInput.ByValue)]
    [InlineData("True (ByPropertyName)", PipelineInput.ByPropertyName)]
    [InlineData("True (ByValue, ByPropertyName)", PipelineInput.ByValue | PipelineInput.ByPropertyName)]
    [InlineData("True (ByPropertyName, ByValue)", PipelineInput.ByValue | PipelineInput.ByPropertyName)]
    public void Accept_pipeline_input_reads_as_platyPS_writes_it(string text, PipelineInput expected)
    {
        Assert.Equal(expected, ParameterYamlReader.Pipeline(text));
    }

    [Fact]
    public void A_yaml_block_with_an_unknown_field_or_a_missing_one_is_refused_line_by_line()
    {
        var errors = new List<(int Line, string Message)>();
        var yaml = ParameterYamlReader.Read("Type: String\nParameter Set: (All)\nAliases:\nRequired: maybe\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False", 10, (l, m) => errors.Add((l, m)));

        Assert.Null(yaml);
        Assert.Contains((12, "'Parameter Set: (All)' is not a parameter field; the fields are Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters."), errors);
        Assert.Contains((10, "The parameter's yaml block has no 'Parameter Sets:' line."), errors);
        Assert.Contains((14, "'Required: maybe' should be True or False."), errors);
    }
}
