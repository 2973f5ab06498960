using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Quotas;

/// <summary>Creates through the engine against an emulator that enforces a quota: held back, or refused and waited out.</summary>
public class QuotaBatchTests : IAsyncLifetime
{
    private readonly TestHome _home = new();
    private EmulatorServer _emulator = null!;

    public async Task InitializeAsync()
    {
        var options = TestHome.QuickEmulator();
        options.MaxRunning = 2;
        options.RenderTime = TimeSpan.FromMilliseconds(600);
        _emulator = await EmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _home.Dispose();
    }

    private async Task<(List<VideoTask> Tasks, int Refused)> CreateSixAsync(VideoRoute route)
    {
        var engine = _home.Engine();
        var provider = engine.Provider(route, new ApiKey(TestHome.Key));
        var creates = Enumerable.Range(1, 6).Select(i =>
            engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid with { Prompt = $"prompt {i}" }, route), provider, null, CancellationToken.None));
        var tasks = (await Task.WhenAll(creates)).ToList();
        return (tasks, _emulator.Requests.Count(r => r.StatusCode == 429));
    }

    [Fact]
    public async Task With_no_quota_known_the_emulators_429s_are_waited_out_and_every_create_is_made_once()
    {
        var (tasks, refused) = await CreateSixAsync(BuiltInRoutes.LaoZhang.At(_emulator.BaseUri));

        Assert.Equal(6, tasks.Select(t => t.Id).Distinct().Count());
        Assert.Equal(6, _emulator.CreatedTaskCount);
        Assert.True(refused > 0, "the emulator never refused: the test proves nothing");
        Assert.Equal(6, _home.Journal.ReadAll().Count(e => e.Event == JournalEntry.Created));
    }

    [Fact]
    public async Task A_Gemini_429_waits_as_its_RetryInfo_says()
    {
        var (tasks, refused) = await CreateSixAsync(BuiltInRoutes.GeminiVeo.At(_emulator.BaseUri));

        Assert.Equal(6, tasks.Count);
        Assert.Equal(6, _emulator.CreatedTaskCount);
        // retryDelay is whole seconds ("1s"): each refused create waits it out rather than backing off many times.
        Assert.InRange(refused, 1, 8);
    }

    [Fact]
    public async Task Creates_held_to_the_routes_running_quota_are_never_refused()
    {
        var route = BuiltInRoutes.LaoZhang.At(_emulator.BaseUri) with { Quota = new RouteQuota { MaxRunning = 2, Source = "test" } };
        var engine = _home.Engine();
        var provider = engine.Provider(route, new ApiKey(TestHome.Key));
        // Polls are what tell the gate a task finished, as Wait-VeoVideo's do downstream of New-VeoVideo.
        using var waiter = new TaskWaiter(engine, new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(100) }, CancellationToken.None);

        for (var i = 1; i <= 6; i++)
        {
            var task = await engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid with { Prompt = $"prompt {i}" }, route), provider, null, CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(20));
            waiter.Add(task, provider);
        }

        Assert.Equal(6, _emulator.CreatedTaskCount);
        Assert.DoesNotContain(_emulator.Requests, r => r.StatusCode == 429);
    }
}
