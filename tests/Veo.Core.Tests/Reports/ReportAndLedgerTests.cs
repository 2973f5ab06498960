using Veo.Core.Batches;
using Veo.Core.Pricing;
using Veo.Core.Reports;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Reports;

/// <summary>The story a saved video carries, the review page's rows and escaping, and the spend read from the journal (issue 28).</summary>
public sealed class ReportAndLedgerTests : EmulatorAndHomeTest
{
    private static readonly RowIdentity Row3 = new() { Batch = "nightly", Row = 3, RowKey = new string('b', 64), RowOrdinal = 1 };
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);

    private JournalEntry Line(string kind, string? id, decimal? cost, DateTimeOffset at, string? attempt = null, string route = "LaoZhang",
        string model = "veo-3.1-fast-generate-preview", string? batch = null) =>
        new() { At = at, Event = kind, Id = id, Route = route, Model = model, Cost = cost, Attempt = attempt, Batch = batch, Prompt = "p" };

    [Fact]
    public async Task A_saved_video_carries_its_task_s_row_cost_and_times()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var plan = flow.Engine.Plan(new VideoRequest { Prompt = "A fox", Model = "Standard" }, flow.Provider.Route, PriceBook.Default);
        var task = await flow.WaitAsync(await flow.Engine.CreateAsync(plan, flow.Provider, new SpendingCaps(), CancellationToken.None, row: Row3));

        var file = (await flow.Engine.SaveAsync(task, flow.Provider, Home.PathOf("fox.mp4"), false, NullEngineLog.Instance, CancellationToken.None)).File;

        Assert.Equal(("nightly", 3, Row3.RowKey, 1), (file.Batch, file.Row, file.RowKey, file.RowOrdinal));
        Assert.Equal((1.20m, "A fox", task.Id, "LaoZhang"), (file.Cost, file.Prompt, file.TaskId, file.Route));
        Assert.Equal(8, file.Duration, 0.1);
        Assert.Equal(task.CreatedAt, file.CreatedAt);
    }

    [Fact]
    public void Created_lines_are_spent_uncertain_creates_apart_refused_ones_nothing_by_route_model_and_day()
    {
        var lines = new List<JournalEntry>
        {
            Line(JournalEntry.CreateSent, null, 0.30m, Monday, "a1"), Line(JournalEntry.Created, "t1", 0.30m, Monday, "a1"),
            Line(JournalEntry.CreateSent, null, 0.30m, Monday.AddMinutes(2), "a2"), Line(JournalEntry.Created, "t2", 0.30m, Monday.AddMinutes(2), "a2"),
            // A failed task is still counted: no route documents failures as free.
            Line(JournalEntry.StatusChanged, "t2", null, Monday.AddMinutes(3)) with { Status = VideoTaskStatus.Failed },
            Line(JournalEntry.CreateSent, null, 0.30m, Monday, "a3"), Line(JournalEntry.CreateRefused, null, null, Monday, "a3"),
            Line(JournalEntry.CreateSent, null, 0.30m, Monday, "a4"), Line(JournalEntry.AmbiguousCreate, null, 0.30m, Monday, "a4"),
            // Sent by a process that stopped before any answer.
            Line(JournalEntry.CreateSent, null, 1.20m, Monday, "a5", model: "veo-3.1-generate-preview"),
            Line(JournalEntry.CreateSent, null, 0.96m, Monday, "a6", route: "Google", batch: "nightly"), Line(JournalEntry.Created, "g1", 0.96m, Monday, "a6", route: "Google", batch: "nightly"),
        };

        var rows = SpendLedger.Rows(lines);

        Assert.Equal(new[]
        {
            new SpendRow("Google", "veo-3.1-fast-generate-preview", Monday.UtcDateTime.Date, 1, 0.96m, false),
            new SpendRow("LaoZhang", "veo-3.1-fast-generate-preview", Monday.UtcDateTime.Date, 1, 0.30m, false),
            new SpendRow("LaoZhang", "veo-3.1-fast-generate-preview", Monday.UtcDateTime.Date, 1, 0.30m, true),
            new SpendRow("LaoZhang", "veo-3.1-generate-preview", Monday.UtcDateTime.Date, 1, 1.20m, true),
            new SpendRow("LaoZhang", "veo-3.1-fast-generate-preview", Monday.UtcDateTime.Date.AddDays(1), 1, 0.30m, false),
        }, rows);
        Assert.Equal((1.56m, 1.50m), SpendLedger.Totals(rows));
        Assert.Equal(0.96m, Assert.Single(SpendLedger.Rows(lines, new SpendFilter { Batch = "NIGHTLY" })).Cost);
        Assert.All(SpendLedger.Rows(lines, new SpendFilter { Route = "laozhang" }), r => Assert.Equal("LaoZhang", r.Route));
        Assert.Equal(0.30m, Assert.Single(SpendLedger.Rows(lines, new SpendFilter { Since = Monday.AddMinutes(1) })).Cost);
    }

    [Fact]
    public void The_page_escapes_prompts_and_errors_and_shows_failed_and_uncertain_rows()
    {
        var folder = Home.PathOf("site");
        var video = Path.Combine(folder, "my videos", "a b#1.mp4");
        var entries = new[]
        {
            new ReportEntry { TaskId = "t1", Route = "LaoZhang", Model = "m", Prompt = "<script>alert(1)</script> & \"x\"", Status = VideoTaskStatus.Completed,
                Cost = 0.30m, Path = video, Duration = 8.008, Width = 1280, Height = 720, HasAudio = true },
            new ReportEntry { TaskId = "t2", Route = "LaoZhang", Model = "m", Prompt = "fails", Status = VideoTaskStatus.Failed, Cost = 0.30m,
                Error = "<img src=x onerror=alert(2)>" },
            ReportEntry.Of(new JournalEntry { At = Monday, Event = JournalEntry.AmbiguousCreate, Route = "LaoZhang", Cost = 1.20m, Prompt = "lost</p>" }),
        };

        var page = HtmlReport.Render(entries, folder, "Night <1>", Monday);

        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;", page);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", page);
        Assert.Contains("lost&lt;/p&gt;", page);
        Assert.Contains("<title>Night &lt;1&gt;</title>", page);
        Assert.Contains("src=\"my%20videos/a%20b%231.mp4\" data-duration=\"8.008\"", page);
        Assert.Contains("preload=\"none\"", page);
        Assert.Contains("<article class=\"failed\"", page);
        Assert.Contains("<article class=\"uncertain\"", page);
        Assert.Contains("3 videos · 1 saved · 1 failed · 1 uncertain · <strong>$0.60 spent</strong> · $1.20 may have been billed", page);
        Assert.DoesNotContain("http://", page.Replace("http-equiv", ""));
        Assert.DoesNotContain("https://", page);
    }

    [Theory]
    [InlineData("/r/site", "/r/site/videos/a.mp4", "videos/a.mp4")]
    [InlineData("/r/site/pages", "/r/site/videos/a.mp4", "../videos/a.mp4")]
    [InlineData("/r/site", "/r/site/a.mp4", "a.mp4")]
    [InlineData("/r/site", "/elsewhere/a?.mp4", "../../elsewhere/a%3F.mp4")]
    public void Links_are_relative_to_the_page_and_escaped(string folder, string file, string link)
    {
        if (Path.DirectorySeparatorChar == '\\') return; // Unix paths
        Assert.Equal(link, RelativeLink.From(folder, file));
    }

    [Fact]
    public void The_journal_s_report_of_a_batch_has_its_tasks_failed_ones_and_uncertain_creates()
    {
        Home.Journal.Append(Line(JournalEntry.Created, "t1", 0.30m, Monday, "a1", batch: "nightly"));
        Home.Journal.Append(Line(JournalEntry.StatusChanged, "t1", null, Monday) with { Status = VideoTaskStatus.Failed, Error = "Refused by the safety filter." });
        Home.Journal.Append(Line(JournalEntry.Created, "t2", 0.30m, Monday, "a2", batch: "other"));
        Home.Journal.Append(Line(JournalEntry.AmbiguousCreate, null, 0.30m, Monday, "a3", batch: "nightly"));

        var entries = JournalReport.Entries(Home.Journal, "Nightly", null);

        Assert.Equal(new[] { ("t1", "failed", "Refused by the safety filter."), ("", "uncertain", (string?)null) },
            entries.Select(e => (e.TaskId, e.State, e.Uncertain ? null : e.Error)));
        Assert.Empty(JournalReport.Entries(Home.Journal, null, Monday.AddDays(1)));
    }
}
