namespace Veo.Emulator.Tests.OpenAIVideos;

/// <summary>RenderTimeSpread: a batch whose tasks finish spread out, the same way on every run with the same seed.</summary>
public sealed class RenderTimeSpreadTests : OpenAIVideosTest
{
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(60);

    protected override EmulatorOptions Options => SpreadOptions(seed: 1);

    private static EmulatorOptions SpreadOptions(int seed, TimeSpan? spread = null) => new()
    {
        ManualClock = true,
        QueueTime = QueueTime,
        RenderTime = RenderTime,
        RenderTimeSpread = spread ?? Spread,
        ContentLag = ContentLag,
        Seed = seed,
    };

    private async Task<List<TimeSpan>> RenderTimesAsync(HostedEmulator host, int count)
    {
        var server = host.Emulator;
        using var client = ClientFor(host);
        var times = new List<TimeSpan>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsync("v1/videos", VideoForm.TextToVideo().Build());
            var id = (await Json.ReadAsync(response)).GetProperty("id").GetString()!;
            times.Add(server.CompletionTimeOf(id)!.Value - server.Clock.Now);
        }
        return times;
    }

    [Fact]
    public async Task Each_task_renders_for_the_render_time_plus_a_draw_from_the_spread()
    {
        var times = await RenderTimesAsync(Host, 100);

        Assert.All(times, t => Assert.InRange(t, RenderTime, RenderTime + Spread));
        Assert.True(times.Distinct().Count() > 95);
        Assert.True(times.Min() < RenderTime + Spread / 10 && times.Max() > RenderTime + Spread * 9 / 10,
            $"Draws between {times.Min()} and {times.Max()} do not cover the spread.");
    }

    [Fact]
    public async Task The_same_seed_draws_the_same_render_times()
    {
        await using var again = await StartAsync(SpreadOptions(seed: 1));
        await using var other = await StartAsync(SpreadOptions(seed: 2));

        var first = await RenderTimesAsync(Host, 20);

        Assert.Equal(first, await RenderTimesAsync(again, 20));
        Assert.NotEqual(first, await RenderTimesAsync(other, 20));
    }

    [Fact]
    public async Task A_task_completes_at_its_own_render_time_and_says_so()
    {
        var id = await CreateTaskAsync();
        var completesAt = Server.CompletionTimeOf(id)!.Value;

        Server.Clock.Advance(completesAt - Server.Clock.Now - TimeSpan.FromTicks(1));
        Assert.Equal("in_progress", (await PollAsync(id)).GetProperty("status").GetString());
        Server.Clock.Advance(TimeSpan.FromTicks(1));
        var completed = await PollAsync(id);

        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(completesAt.ToUnixTimeSeconds(), completed.GetProperty("completed_at").GetInt64());
    }

    [Fact]
    public async Task Without_a_spread_every_task_renders_for_exactly_the_render_time()
    {
        await using var plain = await StartAsync(SpreadOptions(seed: 1, spread: TimeSpan.Zero));

        Assert.All(await RenderTimesAsync(plain, 5), t => Assert.Equal(RenderTime, t));
    }

    [Fact]
    public void An_unknown_task_has_no_completion_time() => Assert.Null(Server.CompletionTimeOf("task_unknown"));

    [Fact]
    public async Task A_negative_spread_is_refused_at_start() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StartAsync(SpreadOptions(seed: 1, spread: TimeSpan.FromSeconds(-1))));
}
