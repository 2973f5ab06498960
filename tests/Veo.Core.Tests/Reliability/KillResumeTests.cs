using Veo.Soak;
using Xunit.Abstractions;

namespace Veo.Core.Tests.Reliability;

/// <summary>
/// kill -9 of a batch run mid-way, then --resume from the journal: the demo app and a standalone emulator run as
/// child processes (Process.Kill is SIGKILL on Linux), as in <c>dotnet run --project tests/Veo.Soak -- killresume</c>.
/// </summary>
public class KillResumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_batch_killed_mid_way_and_resumed_saves_every_task_once_and_creates_none_again()
    {
        var report = await KillResume.RunAsync(new KillResumeOptions { Count = 24, RenderSeconds = 2, KillAfterSaved = 6 });
        var printed = new StringWriter();
        report.Print(printed);
        output.WriteLine(printed.ToString());

        Assert.NotNull(report.Killed);
        Assert.InRange(report.Killed!.Saved, 1, report.ServerCreated - 1);
        Assert.Equal(0, report.ResumeExitCode);
        Assert.Equal(24, report.ServerCreated);
        Assert.Equal(0, report.CreatedByResume);
        Assert.Equal(0, report.DuplicateCreates);
        Assert.Equal(0, report.Unsaved);
        Assert.Equal(0, report.Strays);
        Assert.Empty(report.InvalidFiles);
        Assert.Equal(0, report.Partials);
    }
}
