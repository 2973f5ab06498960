using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Quotas;

/// <summary>Creates through the engine against an emulator that enforces a quota: held back, or refused and waited out.</summary>
public class QuotaBatchTests : EmulatorAndHomeTest
{
    protected override void Configure(EmulatorOptions options)
    {
        options.MaxRunning = 2;
        options.RenderTime = TimeSpan.FromMilliseconds(600);
    }

    private async Task<(List<VideoTask> Tasks, int Refused)> CreateSixAsync(VideoRoute route)
    {
        var engine = Home.Engine();
        var provider = engine.Provider(route, new ApiKey(TestHome.Key));
        var creates = Enumerable.Range(1, 6).Select(i =>
            engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid with { Prompt = $"prompt {i}" }, route), provider, null, CancellationToken.None));
        var tasks = (await Task.WhenAll(creates)).ToList();
        return (tasks, Emulator.Requests.Count(r => r.StatusCode == 429));
    }

    [Fact]
    public async Task With_no_quota_known_the_emulators_429s_are_waited_out_and_every_create_is_made_once()
    {
        var (tasks, refused) = await CreateSixAsync(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri));

        Assert.Equal(6, tasks.Select(t => t.Id).Distinct().Count());
        Assert.Equal(6, Emulator.CreatedTaskCount);
        Assert.True(refused > 0, "the emulator never refused: the test proves nothing");
        Assert.Equal(6, Home.Journal.ReadAll().Count(e => e.Event == JournalEntry.Created));
    }

    [Fact]
    public async Task A_Gemini_429_waits_as_its_RetryInfo_says()
    {
        var (tasks, refused) = await CreateSixAsync(BuiltInRoutes.GeminiVeo.At(Emulator.BaseUri));

        Assert.Equal(6, tasks.Count);
        Assert.Equal(6, Emulator.CreatedTaskCount);
        // retryDelay is whole seconds ("1s"): each refused create waits it out rather than backing off many times.
        Assert.InRange(refused, 1, 8);
    }

    [Fact]
    public async Task Creates_held_to_the_routes_running_quota_are_never_refused()
    {
        var route = BuiltInRoutes.LaoZhang.At(Emulator.BaseUri) with { Quota = new RouteQuota { MaxRunning = 2, Source = "test" } };
        var engine = Home.Engine();
        var provider = engine.Provider(route, new ApiKey(TestHome.Key));
        // Polls are what tell the gate a task finished, as Wait-VeoVideo's do downstream of New-VeoVideo.
        using var waiter = new TaskWaiter(engine, new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(100) }, CancellationToken.None);

        for (var i = 1; i <= 6; i++)
        {
            var task = await engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid with { Prompt = $"prompt {i}" }, route), provider, null, CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(20));
            waiter.Add(task, provider);
        }

        Assert.Equal(6, Emulator.CreatedTaskCount);
        Assert.DoesNotContain(Emulator.Requests, r => r.StatusCode == 429);
    }
}
