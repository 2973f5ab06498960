using Veo.Core.Batches;
using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Batches;

/// <summary>
/// A create whose answer was lost is settled from the route's task list where it has one (OpenAI's GET /v1/videos, which
/// the emulator serves by default), and held where it has none (new-api gateways): never by sending it again blindly.
/// </summary>
public sealed class ReconciliationTests : EmulatorAndHomeTest
{
    private static RowIdentity Row(int number, int ordinal = 1, string prompt = "A fox") => new()
    {
        Batch = "nightly", Row = number, RowKey = new string('b', 63) + prompt.Length % 10, RowOrdinal = ordinal,
    };

    private async Task<JournalEntry> LoseTheAnswerAsync(EngineFlow flow, string prompt, RowIdentity row)
    {
        Emulator.Faults.Add(new Fault(FaultKind.ResetAfterRead, PathContains: "/v1/videos"));
        var plan = flow.Engine.Plan(new VideoRequest { Prompt = prompt }, flow.Provider.Route, PriceBook.Default);
        await Assert.ThrowsAsync<AmbiguousCreateException>(() => flow.Engine.CreateAsync(plan, flow.Provider, new SpendingCaps(), CancellationToken.None, row: row));
        return Assert.Single(BatchLedger.Read(Home.Journal, "nightly").For(row.RowKey, row.RowOrdinal).Uncertain);
    }

    [Fact]
    public async Task A_lost_answer_is_found_on_the_task_list_and_the_row_gets_that_task_without_a_second_create()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var uncertain = await LoseTheAnswerAsync(flow, "A fox", Row(3));

        var (verdict, task) = await new CreateReconciler(Home.Journal, TimeSpan.Zero).SettleAsync(flow.Provider, uncertain, uncertain.At, CancellationToken.None);

        Assert.Equal(CreateReconciler.Verdict.Made, verdict);
        Assert.Equal(Assert.Single(Emulator.CreatedTasks).Id, task!.Id);
        var standing = BatchLedger.Read(new TaskJournal(Home.Journal.Path), "nightly").For(Row(3).RowKey, 1);
        Assert.Equal((task.Id, 3), (standing.Task!.Id, standing.Task.Row));
        Assert.Empty(Home.Journal.UncertainCreates());
        Assert.Equal(1, Emulator.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Two_identical_rows_whose_answers_were_lost_each_get_their_own_task()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var first = await LoseTheAnswerAsync(flow, "A fox", Row(1, ordinal: 1));
        var second = await LoseTheAnswerAsync(flow, "A fox", Row(2, ordinal: 2));
        var reconciler = new CreateReconciler(Home.Journal, TimeSpan.Zero);

        var a = await reconciler.SettleAsync(flow.Provider, first, first.At, CancellationToken.None);
        var b = await reconciler.SettleAsync(flow.Provider, second, first.At, CancellationToken.None);

        Assert.Equal((CreateReconciler.Verdict.Made, CreateReconciler.Verdict.Made), (a.Verdict, b.Verdict));
        Assert.Equal(Emulator.CreatedTasks.Select(t => t.Id).OrderBy(i => i), new[] { a.Task!.Id, b.Task!.Id }.OrderBy(i => i));
    }

    [Fact]
    public async Task A_create_that_is_not_on_the_list_made_nothing_and_its_row_is_sent_again()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        // A process killed before its create left the machine: the create-sent line is all there is.
        var sent = new JournalEntry
        {
            At = DateTimeOffset.UtcNow.AddSeconds(-30), Event = JournalEntry.CreateSent, Attempt = "killed", Route = "LaoZhang", Prompt = "A fox",
            Model = "veo-3.1-fast-generate-preview",
        }.For(Row(5));
        Home.Journal.Append(sent);

        var (verdict, _) = await new CreateReconciler(Home.Journal).SettleAsync(flow.Provider, sent, sent.At, CancellationToken.None);

        Assert.Equal(CreateReconciler.Verdict.NotMade, verdict);
        Assert.True(BatchLedger.Read(Home.Journal, "nightly").For(Row(5).RowKey, 1).IsOpen);
        Assert.Empty(Home.Journal.UncertainCreates());
    }

    [Fact]
    public async Task A_create_sent_moments_ago_is_not_judged_by_its_absence_yet()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var sent = new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateSent, Attempt = "just-now", Route = "LaoZhang", Prompt = "A fox" }.For(Row(6));
        Home.Journal.Append(sent);

        var (verdict, _) = await new CreateReconciler(Home.Journal).SettleAsync(flow.Provider, sent, sent.At, CancellationToken.None);

        Assert.Equal(CreateReconciler.Verdict.Unknown, verdict);
        Assert.Single(Home.Journal.UncertainCreates());
    }

    [Fact]
    public async Task Where_the_gateway_lists_no_tasks_nothing_is_concluded_and_the_row_stays_held()
    {
        var options = TestHome.QuickEmulator();
        options.ListVideos = false;
        await using var gateway = await EmulatorServer.StartAsync(options);
        var flow = new EngineFlow(Home, gateway, BuiltInRoutes.LaoZhang);
        gateway.Faults.Add(new Fault(FaultKind.ResetAfterRead, PathContains: "/v1/videos"));
        var plan = flow.Engine.Plan(new VideoRequest { Prompt = "A fox" }, flow.Provider.Route, PriceBook.Default);
        await Assert.ThrowsAsync<AmbiguousCreateException>(() => flow.Engine.CreateAsync(plan, flow.Provider, new SpendingCaps(), CancellationToken.None, row: Row(7)));
        var uncertain = Assert.Single(BatchLedger.Read(Home.Journal, "nightly").For(Row(7).RowKey, 1).Uncertain);

        var (verdict, _) = await new CreateReconciler(Home.Journal, TimeSpan.Zero).SettleAsync(flow.Provider, uncertain, uncertain.At, CancellationToken.None);

        Assert.Equal(CreateReconciler.Verdict.Unknown, verdict);
        Assert.Equal(404, gateway.Requests.Single(r => r.Method == "GET" && r.Path == "/v1/videos").StatusCode);
        Assert.Single(BatchLedger.Read(Home.Journal, "nightly").For(Row(7).RowKey, 1).Uncertain);
    }

    [Fact]
    public void A_row_whose_task_failed_is_open_again_and_one_whose_task_lives_is_not()
    {
        Home.Journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = "t1", Attempt = "a1", Prompt = "A fox", Status = VideoTaskStatus.Queued }.For(Row(1)));
        Home.Journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.StatusChanged, Id = "t1", Status = VideoTaskStatus.Failed });
        Home.Journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = "t2", Attempt = "a2", Prompt = "A fox", Status = VideoTaskStatus.Queued }.For(Row(2, ordinal: 2)));

        var ledger = BatchLedger.Read(Home.Journal, "nightly");

        Assert.True(ledger.For(Row(1).RowKey, 1).IsOpen);
        Assert.Equal("t2", ledger.For(Row(2).RowKey, 2).Task!.Id);
        Assert.True(BatchLedger.Read(Home.Journal, "another").For(Row(2).RowKey, 2).IsOpen);
    }
}
