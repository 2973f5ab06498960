
namespace Veo.HelpGen.Tests;

public class MarkdownTests
{
    private static MarkdownFile Parse(string markdown)
    {
        var file = MarkdownParser.Parse(markdown, (line, message) => Assert.Fail($"line {line}: {message}"));
        return file;
    }

    [Fact]
    public void Front_matter_headings_paragraphs_lists_code_and_tables_become_blocks_with_their_lines()
    {
        var file = Parse("---\nModule Name: Veo\nonline version:\n---\n\n# Title\n\nOne\nparagraph.\n\n- item one\n  goes on\n- item two\n\n```powershell\n# not a heading\nGet-Thing\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        Assert.Equal("Veo", file.FrontMatter["module name"]);
        Assert.Equal("", file.FrontMatter["online version"]);
        Assert.Equal(new[]
        {
            (BlockKind.Heading, "Title", 6, 1, ""),
            (BlockKind.Paragraph, "One paragraph.", 8, 0, ""),
            (BlockKind.ListItem, "item one goes on", 11, 0, ""),
            (BlockKind.ListItem, "item two", 13, 0, ""),
            (BlockKind.Code, "# not a heading\nGet-Thing", 15, 0, "powershell"),
            (BlockKind.Table, "| a | b |\n|---|---|\n| 1 | 2 |", 19, 0, ""),
        }, file.Blocks.Select(b => (b.Kind, b.Text, b.Line, b.Level, b.Language)));
    }

    [Fact]
    public void An_unclosed_code_fence_names_its_line()
    {
        var errors = new List<(int Line, string Message)>();
        MarkdownParser.Parse("# T\n\n```yaml\nType: String\n", (line, message) => errors.Add((line, message)));
        Assert.Equal(new[] { (3, "This code fence is never closed.") }, errors);
    }

    [Fact]
    public void Front_matter_that_is_not_yaml_names_its_line()
    {
        var errors = new List<(int Line, string Message)>();
        MarkdownParser.Parse("---\nModule Name: Veo\nonline version: a: b\n---\n\n# T\n", (line, message) => errors.Add((line, message)));

        var error = Assert.Single(errors);
        Assert.StartsWith("The front matter is not yaml", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Links_to_the_web_keep_their_address_and_links_to_pages_keep_their_text()
    {
        var paragraph = Parse("See [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216) and [Wait-VeoVideo](Wait-VeoVideo.md).").Blocks.Single();

        Assert.Equal("See about_CommonParameters (http://go.microsoft.com/fwlink/?LinkID=113216) and Wait-VeoVideo.", paragraph.Text);
        Assert.Equal(new[] { ("about_CommonParameters", "http://go.microsoft.com/fwlink/?LinkID=113216"), ("Wait-VeoVideo", "Wait-VeoVideo.md") }, paragraph.Links);
        Assert.Equal("a bold word, `code` kept, <file>.partial as written", Parse("a **bold** word, `code` kept, <file>.partial as *written*").Blocks.Single().Text);
    }

    [Fact]
    public void A_yaml_block_with_an_unknown_field_or_a_missing_one_is_refused_line_by_line()
    {
        var errors = new List<(int Line, string Message)>();
        var yaml = ParameterYaml.Read("Type: String\nParameter Set: (All)\nAliases:\nRequired: True\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False", 10, (l, m) => errors.Add((l, m)));

        Assert.Null(yaml);
        Assert.Contains((12, "'Parameter Set: (All)' is not a parameter field; the fields are Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters, Accepted values."), errors);
        Assert.Contains((10, "The parameter's yaml block has no 'Parameter Sets:' line."), errors);
    }

    [Fact]
    public void A_yaml_block_that_is_not_key_value_lines_is_refused_at_the_line_it_breaks()
    {
        var errors = new List<(int Line, string Message)>();
        var yaml = ParameterYaml.Read("Type: String\nParameter Sets: (All)\nRequired True\nPosition: Named", 20, (l, m) => errors.Add((l, m)));

        Assert.Null(yaml);
        var error = Assert.Single(errors);
        Assert.Equal(23, error.Line);
        Assert.StartsWith("The parameter's yaml block is not 'Key: value' lines", error.Message);
    }

    [Fact]
    public void A_yaml_block_left_inside_an_open_bracket_is_refused_rather_than_crashing_the_build()
    {
        var errors = new List<(int Line, string Message)>();
        var yaml = ParameterYaml.Read("Type: [String, Int32\nParameter Sets: (All)", 30, (l, m) => errors.Add((l, m)));

        Assert.Null(yaml);
        Assert.Equal(new[] { (30, "The parameter's yaml block is not 'Key: value' lines: it ends inside an unclosed '[' or '{'.") }, errors);
    }
}
