using System.Collections;
using Veo.Core;
using Veo.PowerShell.Completion;

namespace Veo.PowerShell.Tests;

public class CompletionTests
{
    [Fact]
    public void Models_are_offered_for_the_route_being_typed()
    {
        var google = new ModelCompleter().Candidates(new Hashtable { ["Route"] = "Google" }).ToList();
        Assert.Contains("veo-3.1-fast-generate-001", google);
        Assert.Contains("Fast", google);
        var crazy = new ModelCompleter().Candidates(new Hashtable { ["Route"] = "Crazyrouter" }).ToList();
        Assert.Equal(new[] { "Fast", "Standard", "veo-3.1-fast", "veo-3.1" }, crazy);
    }

    [Theory]
    [InlineData(typeof(ResolutionCompleter), "1", "1080p")]
    [InlineData(typeof(AspectRatioCompleter), "9", "9:16")]
    [InlineData(typeof(DurationCompleter), "6", "6")]
    [InlineData(typeof(RouteCompleter), "cr", "Crazyrouter")]
    public void Completion_matches_what_has_been_typed(Type completer, string typed, string expected)
    {
        var candidates = ((VeoCompleter)Activator.CreateInstance(completer)!).Candidates(new Hashtable());
        Assert.Equal(expected, Assert.Single(VeoCompleter.Matching(candidates, typed)));
    }
}
