using Veo.Core.Tasks;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>
/// A row refused for good says which row: its number in the input and its prompt. A cell PowerShell's binder would
/// refuse (Duration "abc") used to skip its row before New-VeoVideo saw it: that error named no row, and every later
/// row's number was one too low.
/// </summary>
public class RowNumberTests : PowerShellTest
{
    private const string Csv = """
        $csv = @'
        Prompt,Duration,ResizeMode,Resolution
        "one",,,
        "two",abc,,
        "three",8.5,,
        "four",,Stretch,
        "five",,,8k
        "six",,,
        '@ | ConvertFrom-Csv
        """;

    [Fact]
    public void Cells_that_do_not_read_are_refused_by_row_and_the_rows_after_them_keep_their_numbers()
    {
        var result = Run(Csv + "\n$csv | New-VeoVideo");

        Assert.Equal(["one", "six"], result.Objects<VideoTask>().Select(t => t.Request!.Prompt));
        Assert.Equal(2, CreateCalls);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(4, errors.Count);
        Assert.StartsWith("Row 2 ('two'): -Duration 'abc' is not a whole number.", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Row 3 ('three'): -Duration '8.5' is not a whole number.", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Row 4 ('four'): -ResizeMode 'Stretch' is not one of Crop, Pad.", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("Row 5 ('five'): Resolution '8k'", errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Get_VeoPrice_names_the_rows_it_refuses_by_their_number_in_its_input()
    {
        var result = Run(Csv + "\n$csv | Get-VeoPrice");

        Assert.Equal(
            ["Row 2 ('two')", "Row 3 ('three')", "Row 4 ('four')", "Row 5 ('five')"],
            result.Errors.Select(e => e.ToString().Split(':')[0]));
    }

    [Fact]
    public void Something_that_is_not_a_prompt_is_refused_as_its_row()
    {
        var result = Run("'a', @{ Prompt = 'b' }, 'c' | New-VeoVideo");

        Assert.StartsWith("Row 2 (''): A hashtable is not a prompt", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
        Assert.Equal(2, CreateCalls);
    }

    [Fact]
    public void A_value_that_does_not_read_on_the_command_line_is_that_commands_error_and_never_the_next_ones()
    {
        var result = Run("""
            New-VeoVideo 'x' -Duration abc
            @() | New-VeoVideo -Seed 1.5
            New-VeoVideo 'made'
            """);

        Assert.Equal(["Row 1 ('x'): -Duration 'abc' is not a whole number.", "-Seed 1.5 is not a whole number."], result.Errors.Select(e => e.ToString()));
        Assert.Equal("made", result.Single<VideoTask>().Request!.Prompt);
        Assert.Equal(1, CreateCalls);
    }
}
