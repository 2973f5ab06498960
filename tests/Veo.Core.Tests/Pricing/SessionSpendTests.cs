using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Pricing;

/// <summary>The session cap counts what the journal says the session spent: its own lines, by the ledger's rule (issue 28 item 3).</summary>
public sealed class SessionSpendTests : EmulatorAndHomeTest
{
    private (decimal Spent, decimal Uncertain) Journaled(SpendingGuard session) =>
        SpendLedger.Totals(SpendLedger.Rows(Home.Journal.ReadAll(), new SpendFilter { Session = session.Session }));

    [Fact]
    public async Task After_a_faulty_batch_the_cap_counts_what_the_journal_says_the_session_spent_and_refuses_past_a_lost_answer()
    {
        var engine = Home.Engine();
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var session = SpendingGuard.ForSession(1.00m, "session spending cap");
        var plan = engine.Plan(BadRequests.Valid, provider.Route, PriceBook.Default);
        Task<VideoTask> Create() => engine.CreateAsync(plan, provider, new SpendingCaps(session), CancellationToken.None);

        // Made; made when sent again after a 503 that made nothing (its refused attempt costs nothing); made but its answer lost.
        await Create();
        Emulator.Faults.Add(new Fault(FaultKind.ServerError, PathContains: "/v1/videos") { StatusCode = 503 });
        await Create();
        Emulator.Faults.Add(new Fault(FaultKind.ResetAfterRead, PathContains: "/v1/videos"));
        await Assert.ThrowsAsync<AmbiguousCreateException>(Create);

        // 0.90 counted (two made, one maybe made): a fourth 0.30 video would pass the $1.00 cap, and nothing is sent.
        var posts = Emulator.Requests.Count(r => r.Method == "POST");
        var refusal = await Assert.ThrowsAsync<SpendingCapException>(Create);
        Assert.Contains("$0.90 spent so far", refusal.Message);
        Assert.Equal(posts, Emulator.Requests.Count(r => r.Method == "POST"));
        Assert.Equal((0.60m, 0.30m), Journaled(session));
        Assert.Equal(0.90m, session.Spent);
    }

    [Fact]
    public async Task Another_session_s_creates_in_the_same_journal_do_not_count_against_this_session_s_cap()
    {
        var engine = Home.Engine();
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var mine = SpendingGuard.ForSession(0.30m, "session spending cap");
        var theirs = SpendingGuard.ForSession(null, "session spending cap");
        var plan = engine.Plan(BadRequests.Valid, provider.Route, PriceBook.Default);

        await engine.CreateAsync(plan, provider, new SpendingCaps(theirs), CancellationToken.None);
        await engine.CreateAsync(plan, provider, new SpendingCaps(theirs), CancellationToken.None);
        await engine.CreateAsync(plan, provider, new SpendingCaps(mine), CancellationToken.None);

        Assert.Equal((0.30m, 0m), Journaled(mine));
        Assert.Equal((0.60m, 0m), Journaled(theirs));
        Assert.NotEqual(mine.Session, theirs.Session);
        await Assert.ThrowsAsync<SpendingCapException>(() => engine.CreateAsync(plan, provider, new SpendingCaps(mine), CancellationToken.None));
    }

    [Fact]
    public async Task A_create_refused_for_certain_is_nothing_in_the_journal_and_nothing_to_the_cap()
    {
        using var refusing = ScriptedServer.Json(_ => "{\"error\":{\"message\":\"bad field\",\"code\":\"invalid_request\"}}", status: 400);
        var engine = Home.Engine();
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(refusing.BaseUri), new ApiKey(TestHome.Key));
        var session = SpendingGuard.ForSession(1.00m, "session spending cap");
        var plan = engine.Plan(BadRequests.Valid, provider.Route, PriceBook.Default);

        await Assert.ThrowsAsync<ApiException>(() => engine.CreateAsync(plan, provider, new SpendingCaps(session), CancellationToken.None));

        Assert.Equal((0m, 0m), Journaled(session));
        Assert.Equal(0m, session.Spent);
        // The lines were written for the session: the refusal is its own, not a stranger's.
        Assert.All(Home.Journal.ReadAll().Where(e => e.Event is JournalEntry.CreateSent or JournalEntry.CreateRefused), e => Assert.Equal(session.Session, e.Session));
    }

    [Fact]
    public async Task A_create_stopped_while_it_waits_out_a_429_made_nothing_and_is_given_back()
    {
        // Ctrl+C during the wait the service asked for: the journal says the only attempt was refused, so the cap agrees.
        Emulator.Faults.Add(new Fault(FaultKind.RateLimit, PathContains: "/v1/videos") { RetryAfter = TimeSpan.FromSeconds(30) });
        var engine = Home.Engine();
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var session = SpendingGuard.ForSession(1.00m, "session spending cap");
        var plan = engine.Plan(BadRequests.Valid, provider.Route, PriceBook.Default);
        using var stop = new CancellationTokenSource();

        var create = engine.CreateAsync(plan, provider, new SpendingCaps(session), stop.Token);
        for (var i = 0; i < 500 && !Home.Journal.ReadAll().Any(e => e.Event == JournalEntry.CreateRefused); i++) await Task.Delay(20);
        Assert.False(create.IsCompleted);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => create);

        Assert.Equal((0m, 0m), Journaled(session));
        Assert.Equal(0m, session.Spent);
    }

    [Fact]
    public void A_lost_answer_found_later_is_spent_once_not_spent_and_uncertain()
    {
        var at = DateTimeOffset.UtcNow;
        var sent = new JournalEntry { At = at, Event = JournalEntry.CreateSent, Attempt = "a1", Route = "LaoZhang", Model = "veo-3.1-fast-generate-preview", Cost = 0.30m, Session = "s" };
        var lines = new List<JournalEntry>
        {
            sent,
            sent with { Event = JournalEntry.AmbiguousCreate },
            // Batches.BatchLedger.Adopt: the task the lost answer made, found by a rerun.
            sent with { Event = JournalEntry.Created, Id = "video_1" },
            new() { At = at, Event = JournalEntry.CreateChecked, Attempt = "a1", Id = "video_1", Made = true },
        };

        var row = Assert.Single(SpendLedger.Rows(lines, new SpendFilter { Session = "s" }));

        Assert.Equal((1, 0.30m, false), (row.Count, row.Cost, row.Uncertain));
        Assert.Equal(0.30m, SpendLedger.Counted(lines[2]));
    }
}
