using System.Management.Automation;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

/// <summary>What Tab offers, asked the way PSReadLine asks: TabExpansion2 with the cursor at the end of the line.</summary>
public class CompletionTests : IClassFixture<ModuleSession>
{
    private readonly VeoShell _shell;

    public CompletionTests(ModuleSession module) => _shell = module.Shell;

    private IReadOnlyList<string> Complete(string line) =>
        _shell.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText", ("line", line))
            .Output.Select(o => o.ToString()).ToList();

    [Fact]
    public void Models_are_offered_for_the_route_being_typed()
    {
        var google = Complete("New-VeoVideo -Route Google -Model ");
        // Gemini Omni only: the Gemini API's Veo ids were shut down on 2026-10-22 and are not offered.
        Assert.Equal(new[] { "Omni", "gemini-omni-1.2-flash", "gemini-omni-1.1-flash" }, google);
        Assert.Equal(new[] { "Fast", "Standard", "veo-3.1-fast", "veo-3.1" }, Complete("New-VeoVideo -Route Crazyrouter -Model "));
    }

    [Fact]
    public void Models_of_the_sessions_route_are_offered_when_no_route_is_typed()
    {
        var models = Complete("New-VeoVideo -Model ");
        Assert.Equal(new[] { "Fast", "Standard" }, models.Take(2));
        Assert.Contains("veo-3.1-fast-generate-preview", models);
        Assert.DoesNotContain("veo-3.1-fast", models);
    }

    [Fact]
    public void Every_resolution_is_offered()
    {
        Assert.Equal(new[] { "720p", "1080p", "4k" }, Complete("New-VeoVideo -Resolution "));
    }

    [Theory]
    [InlineData("New-VeoVideo -Resolution 1", "1080p")]
    [InlineData("New-VeoVideo -AspectRatio 9", "'9:16'")]
    [InlineData("New-VeoVideo -Duration 6", "6")]
    [InlineData("New-VeoVideo -Route cr", "Crazyrouter")]
    [InlineData("Connect-Veo -Route goo", "Google")]
    public void Completion_matches_what_has_been_typed(string line, string expected)
    {
        Assert.Equal(expected, Assert.Single(Complete(line)));
    }

    [Fact]
    public void The_cmdlets_complete_by_name()
    {
        Assert.Contains("Wait-VeoVideo", Complete("Wait-Veo"));
    }
}
