using Veo.Core.Tests.Support;
using Veo.TestSupport;

namespace Veo.Core.Tests.Reliability;

/// <summary>The demo (./build.ps1 Demo's C# twin, Veo.Demo --csv) reports a bad row by its number and makes the others.</summary>
public sealed class DemoCsvTests : IDisposable
{
    private readonly TestHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task A_bad_row_is_reported_and_the_other_rows_are_made()
    {
        var csv = _home.PathOf("prompts.csv");
        File.WriteAllLines(csv, new[] { "Prompt", "A lighthouse at dusk", "\"\"", "A paper boat in the rain" });
        var videos = _home.PathOf("videos");

        using var demo = ChildProcess.Start("Veo.Demo", ["--csv", csv, "--out", videos, "--poll", "0.5"], new Dictionary<string, string> { ["VEO_HOME"] = _home.PathOf("home") });
        Assert.True(await demo.WaitForExitAsync(TimeSpan.FromSeconds(90)), string.Join("\n", demo.Lines));

        Assert.Contains(demo.Lines, l => l.StartsWith("FAILED row 2 (''): ", StringComparison.Ordinal));
        Assert.Equal(2, demo.Lines.Count(l => l.StartsWith("saved ", StringComparison.Ordinal)));
        Assert.Equal(2, Directory.GetFiles(videos, "*.mp4").Length);
        Assert.Equal(1, demo.ExitCode);
    }
}
