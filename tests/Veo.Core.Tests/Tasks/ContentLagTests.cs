using System.Diagnostics;
using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Tasks;

/// <summary>The "not ready yet" lag after completion is waited out in steps that start small: a short lag costs little.</summary>
public sealed class ContentLagTests : IAsyncLifetime
{
    private readonly TestHome _home = new();
    private EmulatorServer _emulator = null!;

    public async Task InitializeAsync()
    {
        var options = TestHome.QuickEmulator();
        options.ContentLag = TimeSpan.FromSeconds(1);
        _emulator = await EmulatorServer.StartAsync(options);
    }

    [Fact]
    public async Task A_one_second_lag_is_waited_out_in_about_a_second_not_a_whole_interval()
    {
        var policy = TestHome.FastPolicy with { ContentRetryFirst = TimeSpan.FromMilliseconds(200), ContentRetryInterval = TimeSpan.FromSeconds(10) };
        var engine = new VeoEngine(_home.Journal, policy);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(_emulator.BaseUri), new ApiKey(TestHome.Key));
        var task = await engine.CreateAsync(Veo.Core.Requests.RequestValidator.Prepare(BadRequests.Valid, provider.Route), provider, null, CancellationToken.None);
        while (!task.IsFinished)
        {
            await Task.Delay(20);
            task = await engine.RefreshAsync(task, provider, CancellationToken.None);
        }
        var clock = Stopwatch.StartNew();

        await engine.SaveAsync(task, provider, _home.PathOf("lag.mp4"), overwrite: false, NullEngineLog.Instance, CancellationToken.None);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 4);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _home.Dispose();
    }
}
