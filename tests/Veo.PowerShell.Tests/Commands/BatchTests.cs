using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>New-VeoVideo -Batch in a real runspace: the same command again finishes the batch, and pays for nothing twice.</summary>
public class BatchTests : PowerShellTest
{
    private const string Batch = "$rows = 'A fox', 'A boat', 'A fox'; $rows | New-VeoVideo -Batch nightly -ThrottleLimit 2 | Wait-VeoVideo | Save-VeoVideo -Path ./out";

    [Fact]
    public void Run_again_a_finished_batch_creates_nothing_downloads_nothing_and_passes_on_its_videos()
    {
        var first = Run(Batch);
        Assert.Empty(first.Errors);
        var downloads = Emulator.Requests.Count(r => r.Path.EndsWith("/content"));

        var again = Run(Batch);

        Assert.Empty(again.Errors);
        Assert.Equal(3, again.Objects<VideoFile>().Count);
        Assert.Equal(3, CreateCalls);
        Assert.Equal(downloads, Emulator.Requests.Count(r => r.Path.EndsWith("/content")));
        Assert.Equal(first.Objects<VideoFile>().Select(f => f.Path).OrderBy(p => p), again.Objects<VideoFile>().Select(f => f.Path).OrderBy(p => p));
    }

    [Fact]
    public void A_failed_row_is_made_again_and_only_it()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));
        var first = Run(Batch + " -ErrorAction SilentlyContinue");
        Assert.Equal(2, first.Objects<VideoFile>().Count);

        var again = Run(Batch);

        Assert.Empty(again.Errors);
        Assert.Equal(3, again.Objects<VideoFile>().Count);
        Assert.Equal(4, CreateCalls);
    }

    [Fact]
    public void A_batch_stopped_by_ErrorAction_Stop_is_finished_by_the_same_line_again()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));
        var stopped = Run("$ErrorActionPreference = 'Stop'; " + Batch);
        Assert.NotNull(stopped.Terminating);
        Assert.True(!Directory.Exists(Home.PathOf("out")) || Directory.GetFiles(Home.PathOf("out"), "*.mp4").Length < 3, "the first run stopped before the batch was done");

        var again = Run("$ErrorActionPreference = 'Stop'; " + Batch);

        Assert.Null(again.Terminating);
        Assert.Equal(3, again.Objects<VideoFile>().Count);
        Assert.Equal(3, Directory.GetFiles(Home.PathOf("out"), "*.mp4").Length);
        // One create a row, and the row whose render failed made once more: nothing paid for twice.
        Assert.Equal(4, CreateCalls);
    }

    [Fact]
    public void Force_makes_a_deliberate_second_video_of_each_row()
    {
        Run("'A fox' | New-VeoVideo -Batch nightly");

        var again = Run("'A fox' | New-VeoVideo -Batch nightly -Force");

        Assert.Single(again.Objects<VideoTask>());
        Assert.Equal(2, CreateCalls);
    }

    [Fact]
    public void Ctrl_C_says_exactly_how_many_creates_were_in_flight()
    {
        Emulator.Faults.Add(new Fault(FaultKind.Latency, PathContains: "/v1/videos", Times: 100) { Delay = TimeSpan.FromSeconds(5) });

        var (result, _) = Shell.RunAndStop("1..10 | ForEach-Object { \"Clip $_\" } | New-VeoVideo -Batch stopped -ThrottleLimit 4",
            () => Emulator.Requests.Count(r => r.Method == "POST") >= 4 || Home.Journal.ReadAll().Count(e => e.Event == JournalEntry.CreateSent) >= 4);

        // Each create sent and not answered is counted once, whether the stop cut it off or its answer had been given up
        // on: one the service never read made nothing, but no client can tell that apart from one it did.
        var sent = Home.Journal.ReadAll().Count(e => e.Event == JournalEntry.CreateSent);
        var said = string.Join("\n", result.HostLines.Concat(result.WarningMessages));
        Assert.InRange(sent, 4, 10);
        Assert.Equal(sent, Home.Journal.UncertainCreates().Count);
        Assert.True(said.Contains($"Stopped with {sent} create request(s) sent and not answered"), said);
        var rows = Home.Journal.ReadAll().Where(e => e.Event == JournalEntry.CreateSent).Select(e => e.Row!.Value).OrderBy(r => r);
        Assert.Contains($"(rows {string.Join(", ", rows)})", said);
    }

    [Fact]
    public void Tab_offers_the_batches_of_the_journal()
    {
        Run("'A fox' | New-VeoVideo -Batch nightly; 'A boat' | New-VeoVideo -Batch 'weekly run'");

        var offered = Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText", ("line", "New-VeoVideo -Batch "))
            .Output.Select(o => o.ToString());

        Assert.Equal(new[] { "'weekly run'", "nightly" }, offered);
    }
}

/// <summary>On a gateway that lists no tasks (new-api), a row whose create's answer was lost is held until the user settles it.</summary>
public class HeldRowTests : PowerShellTest
{
    protected override EmulatorOptions EmulatorOptions
    {
        get
        {
            var options = TestHome.QuickEmulator();
            options.ListVideos = false;
            return options;
        }
    }

    [Fact]
    public void A_lost_create_holds_its_row_with_a_warning_until_Confirm_VeoCreate_settles_it()
    {
        Emulator.Faults.Add(new Fault(FaultKind.ResetAfterRead, PathContains: "/v1/videos"));
        Run("'A fox', 'A boat' | New-VeoVideo -Batch nightly -ErrorAction SilentlyContinue");
        Thread.Sleep(2100);

        var held = Run("'A fox', 'A boat' | New-VeoVideo -Batch nightly");
        var warning = Assert.Single(held.WarningMessages, w => w.StartsWith("Row 1 ('A fox') of batch 'nightly' is held", StringComparison.Ordinal));
        Assert.Contains("Confirm-VeoCreate -Attempt", warning);
        Assert.Equal(2, CreateCalls);

        var attempt = Home.Journal.UncertainCreates().Single().Attempt;
        var adopted = Run($"Confirm-VeoCreate -Attempt {attempt} -Id {Emulator.CreatedTasks[0].Id}");
        Assert.Equal(Emulator.CreatedTasks[0].Id, adopted.Single<VideoTask>().Id);

        var settled = Run("'A fox', 'A boat' | New-VeoVideo -Batch nightly | Wait-VeoVideo | Save-VeoVideo -Path ./out");
        Assert.Empty(settled.Errors);
        Assert.Empty(settled.WarningMessages);
        Assert.Equal(2, settled.Objects<VideoFile>().Count);
        Assert.Equal(2, CreateCalls);
    }

    [Fact]
    public void NotCreated_lets_the_next_run_send_the_row()
    {
        Emulator.Faults.Add(new Fault(FaultKind.ResetAfterRead, PathContains: "/v1/videos"));
        Run("'A fox' | New-VeoVideo -Batch nightly -ErrorAction SilentlyContinue");
        Run($"Confirm-VeoCreate -Attempt {Home.Journal.UncertainCreates().Single().Attempt} -NotCreated");

        var again = Run("'A fox' | New-VeoVideo -Batch nightly");

        Assert.Single(again.Objects<VideoTask>());
        Assert.Equal(2, CreateCalls);
    }
}

/// <summary>A create told to come back later waits without its -ThrottleLimit place: the rows behind it go on.</summary>
public class CreateSlotTests : PowerShellTest
{
    [Fact]
    public void Rows_behind_creates_waiting_to_be_sent_again_are_sent_meanwhile()
    {
        Run("Connect-Veo -Route LaoZhang -RequestsPerMinute 0 -MaxRunning 0 | Out-Null");
        Emulator.Faults.Add(new Fault(FaultKind.RateLimit, PathContains: "/v1/videos", Times: 2) { RetryAfter = TimeSpan.FromSeconds(3) });

        var result = Run("$clock = [Diagnostics.Stopwatch]::StartNew(); 'first', 'second', 'third' | New-VeoVideo -ThrottleLimit 2 | " +
                         "ForEach-Object { $clock.Elapsed.TotalSeconds }");

        Assert.Empty(result.Errors);
        // Two creates waited 3 s for their 429s; the third row went out meanwhile instead of waiting for their places.
        var seconds = result.Output.Select(o => Convert.ToDouble(o.BaseObject)).ToList();
        Assert.Equal(3, seconds.Count);
        Assert.True(seconds[0] < 2, $"the first task came out after {seconds[0]:0.0} s");
        Assert.Equal(3, Emulator.CreatedTasks.Count);
    }
}
