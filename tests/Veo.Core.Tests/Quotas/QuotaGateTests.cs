using System.Diagnostics;
using Veo.Core.Http;
using Veo.Core.Quotas;
using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Tests.Quotas;

/// <summary>The gate creates pass: requests a window, tasks running, and the rule that frees a task no one waits for.</summary>
public class QuotaGateTests
{
    // The lower bounds below allow a tenth of the wait: timers run on the coarse tick count, the test's clock on the
    // Stopwatch, and on a loaded or virtual machine the two drift apart by a few percent (CI's 2-core machines). A gate
    // that did not wait at all is still far below them.
    private static readonly TimeSpan Soon = TimeSpan.FromMilliseconds(150);

    private static Task<QuotaPlace> Enter(QuotaGate gate) => gate.EnterAsync("Test", NullEngineLog.Instance, CancellationToken.None);

    [Fact]
    public async Task Creates_past_the_requests_a_window_wait_until_the_window_has_passed()
    {
        var gate = new QuotaGate(new RouteQuota { RequestsPerMinute = 3, Window = TimeSpan.FromMilliseconds(600) });
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++) (await Enter(gate)).Refused();
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(450), $"the first three waited ({clock.ElapsedMilliseconds} ms)");

        (await Enter(gate)).Refused();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(540), $"the fourth went after {clock.ElapsedMilliseconds} ms, inside the window");
    }

    [Fact]
    public async Task A_task_counts_as_running_until_a_poll_sees_it_finished()
    {
        var gate = new QuotaGate(new RouteQuota { MaxRunning = 1 });
        (await Enter(gate)).Created("task-1");

        var second = Enter(gate);
        await Task.Delay(Soon);
        Assert.False(second.IsCompleted, "a second create went while the first task ran");
        Assert.Equal(1, gate.RunningCount);

        gate.Finished("task-1");

        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Refused();
        Assert.Equal(0, gate.RunningCount);
    }

    [Fact]
    public async Task A_task_no_one_waits_for_frees_its_place_after_the_running_time()
    {
        var gate = new QuotaGate(new RouteQuota { MaxRunning = 1, RunningFor = TimeSpan.FromMilliseconds(300) });
        var clock = Stopwatch.StartNew();
        (await Enter(gate)).Created("never-polled");

        (await Enter(gate).WaitAsync(TimeSpan.FromSeconds(5))).Refused();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(270), $"the place came back after {clock.ElapsedMilliseconds} ms, before the running time");
    }

    [Fact]
    public async Task A_create_refused_for_certain_gives_its_place_back_at_once_and_an_unknown_one_keeps_it()
    {
        var gate = new QuotaGate(new RouteQuota { MaxRunning = 1, RunningFor = TimeSpan.FromSeconds(30) });
        (await Enter(gate)).Refused();
        (await Enter(gate).WaitAsync(TimeSpan.FromSeconds(1))).Unknown();

        var next = Enter(gate);
        await Task.Delay(Soon);

        Assert.False(next.IsCompleted, "a create whose answer was lost may have made a task, yet its place was given away");
    }

    [Fact]
    public async Task A_429_holds_every_create_of_the_gate_back_as_long_as_it_asked()
    {
        var gate = new QuotaGate(new RouteQuota { RequestsPerMinute = 100 });
        var clock = Stopwatch.StartNew();
        gate.HoldOff(TimeSpan.FromMilliseconds(400));

        (await Enter(gate)).Refused();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(360), $"a create went {clock.ElapsedMilliseconds} ms into a 400 ms hold");
    }

    [Fact]
    public async Task Waiting_for_a_place_ends_at_once_with_Ctrl_C()
    {
        var gate = new QuotaGate(new RouteQuota { MaxRunning = 1 });
        (await Enter(gate)).Created("running");
        using var stop = new CancellationTokenSource(Soon);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync("Test", NullEngineLog.Instance, stop.Token));
    }

    [Fact]
    public void One_gate_serves_every_route_object_for_the_same_address_and_key_and_another_key_has_its_own()
    {
        var route = BuiltInRoutes.Google;
        var a = QuotaGates.For(route, new ApiKey("key-one"));
        var b = QuotaGates.For(route with { Name = "Google" }, new ApiKey("key-one"));
        var other = QuotaGates.For(route, new ApiKey("key-two"));

        Assert.Same(a, b);
        Assert.NotSame(a, other);
    }

    [Fact]
    public void The_built_in_routes_carry_their_quota_and_another_address_starts_without_one()
    {
        Assert.Equal(10, BuiltInRoutes.Google.Quota.RequestsPerMinute);
        Assert.Equal(10, BuiltInRoutes.Google.Quota.MaxRunning);
        Assert.Contains("unpublished", BuiltInRoutes.LaoZhang.Quota.Source);
        Assert.Contains("unpublished", BuiltInRoutes.Crazyrouter.Quota.Source);

        var local = BuiltInRoutes.Google.At(new Uri("http://127.0.0.1:5080/"));

        Assert.False(local.Quota.IsLimited);
        Assert.True(BuiltInRoutes.Google.At(new Uri("https://generativelanguage.googleapis.com/v1beta/")).Quota.IsLimited);
    }

    [Theory]
    [InlineData("europe-west4")]
    [InlineData("us")]
    [InlineData("global")]
    public void Vertex_keeps_its_quota_in_every_location_and_not_at_another_address(string location)
    {
        Assert.Equal((50, 10), (BuiltInRoutes.Vertex.Quota.RequestsPerMinute, BuiltInRoutes.Vertex.Quota.MaxRunning));

        var located = BuiltInRoutes.Vertex.At(VertexEndpoints.BaseUriFor(location));

        Assert.Same(BuiltInRoutes.Vertex.Quota, located.Quota);
        Assert.False(BuiltInRoutes.Vertex.At(new Uri("http://127.0.0.1:5080/")).Quota.IsLimited);
        Assert.False(BuiltInRoutes.Vertex.At(new Uri("https://europe-west4-aiplatform.example.com/")).Quota.IsLimited);
    }
}
