using Veo.Core.Http;
using Veo.Core.Pricing;
using Veo.Core.Routes;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Pricing;

/// <summary>The one money path: every host plans, reserves against the caps, then creates.</summary>
public sealed class SpendingCapsTests : EmulatorAndHomeTest
{
    [Fact]
    public void Creates_reserved_side_by_side_never_pass_a_cap_together()
    {
        var caps = new SpendingCaps(new SpendingGuard(3.00m, "-MaxCost cap"));

        var reserved = 0;
        Parallel.For(0, 100, _ =>
        {
            if (caps.TryReserve(0.30m) is null) Interlocked.Increment(ref reserved);
        });

        Assert.Equal(10, reserved);
    }

    [Fact]
    public void Once_a_video_is_refused_the_rest_of_the_batch_is_refused_too()
    {
        var caps = new SpendingCaps(new SpendingGuard(1.00m, "-MaxCost cap"));

        Assert.Null(caps.TryReserve(0.80m));
        Assert.NotNull(caps.TryReserve(0.30m));
        Assert.NotNull(caps.TryReserve(0.10m));
    }

    [Fact]
    public void A_video_held_for_a_slot_counts_for_the_rows_checked_after_it_and_is_still_sent_when_they_are_refused()
    {
        var caps = new SpendingCaps(new SpendingGuard(1.00m, "-MaxCost cap"));

        Assert.Null(caps.Check(0.30m));
        caps.Hold(0.30m);
        Assert.Null(caps.Check(0.30m));
        caps.Hold(0.30m);
        Assert.Null(caps.Check(0.30m));
        caps.Hold(0.30m);
        Assert.NotNull(caps.Check(0.30m));

        // The three held videos were counted when the fourth was refused; each is still sent when its slot comes.
        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(caps.Unhold(0.30m).TryReserve(0.30m)));
        Assert.NotNull(caps.TryReserve(0.10m));
    }

    [Fact]
    public void A_held_video_refused_when_its_slot_comes_ends_the_batch()
    {
        var session = new SpendingGuard(0.50m, "session cap");
        var caps = new SpendingCaps(session);
        caps.Hold(0.30m);
        // Another batch of the same session spends meanwhile.
        Assert.Null(new SpendingCaps(session).TryReserve(0.30m));

        Assert.NotNull(caps.Unhold(0.30m).TryReserve(0.30m));
        Assert.NotNull(caps.Check(0.10m));
    }

    [Fact]
    public async Task A_create_refused_for_certain_gives_its_cost_back()
    {
        using var refusing = ScriptedServer.Json(_ => "{\"error\":{\"message\":\"bad field\",\"code\":\"invalid_request\"}}", status: 400);
        var engine = Home.Engine();
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(refusing.BaseUri), new ApiKey(TestHome.Key));
        var session = new SpendingGuard(1.00m, "session spending cap");
        var plan = engine.Plan(BadRequests.Valid, provider.Route, PriceBook.Default);

        await Assert.ThrowsAsync<ApiException>(() => engine.CreateAsync(plan, provider, new SpendingCaps(session), CancellationToken.None));

        Assert.Equal(0m, session.Spent);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_stays_counted()
    {
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.ResetAfterRead, PathContains: "/v1/videos"));
        var engine = Home.Engine();
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var session = new SpendingGuard(1.00m, "session spending cap");
        var plan = engine.Plan(BadRequests.Valid, provider.Route, PriceBook.Default);

        await Assert.ThrowsAsync<AmbiguousCreateException>(() => engine.CreateAsync(plan, provider, new SpendingCaps(session), CancellationToken.None));

        Assert.Equal(0.30m, session.Spent);
    }

    [Fact]
    public async Task A_cap_that_refuses_sends_nothing()
    {
        var engine = Home.Engine();
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var plan = engine.Plan(BadRequests.Valid with { Model = "Standard" }, provider.Route, PriceBook.Default);

        await Assert.ThrowsAsync<SpendingCapException>(() =>
            engine.CreateAsync(plan, provider, new SpendingCaps(new SpendingGuard(1.00m, "-MaxCost cap")), CancellationToken.None));

        Assert.DoesNotContain(Emulator.Requests, r => r.Method == "POST");
    }
}
