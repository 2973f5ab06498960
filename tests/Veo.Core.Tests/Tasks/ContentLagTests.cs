using System.Diagnostics;
using Veo.Core.Http;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Tasks;

/// <summary>The "not ready yet" lag after completion is waited out in steps that start small: a short lag costs little.</summary>
public sealed class ContentLagTests : EmulatorAndHomeTest
{
    protected override void Configure(EmulatorOptions options) => options.ContentLag = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_one_second_lag_is_waited_out_in_about_a_second_not_a_whole_interval()
    {
        var policy = TestHome.FastPolicy with { ContentRetryFirst = TimeSpan.FromMilliseconds(200), ContentRetryInterval = TimeSpan.FromSeconds(10) };
        var engine = new VeoEngine(Home.Journal, policy);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var task = await engine.CreateAsync(Veo.Core.Requests.RequestValidator.Prepare(BadRequests.Valid, provider.Route), provider, null, CancellationToken.None);
        while (!task.IsFinished)
        {
            await Task.Delay(20);
            task = await engine.RefreshAsync(task, provider, CancellationToken.None);
        }
        var clock = Stopwatch.StartNew();

        await engine.SaveAsync(task, provider, Home.PathOf("lag.mp4"), overwrite: false, NullEngineLog.Instance, CancellationToken.None);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 4);
    }

    [Fact]
    public async Task A_not_ready_answer_cut_short_is_still_not_ready_and_is_waited_out()
    {
        var policy = TestHome.FastPolicy with { ContentRetryFirst = TimeSpan.FromMilliseconds(200), ContentRetryInterval = TimeSpan.FromSeconds(1) };
        var engine = new VeoEngine(Home.Journal, policy);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var task = await engine.CreateAsync(Veo.Core.Requests.RequestValidator.Prepare(BadRequests.Valid, provider.Route), provider, null, CancellationToken.None);
        // The first answers of /content are "Task is not completed yet, current status: IN_PROGRESS", each cut in half.
        Emulator.Faults.Add(new Fault(FaultKind.TruncateBody, PathContains: "/content", Times: 2));

        var saved = await engine.SaveAsync(task, provider, Home.PathOf("cut.mp4"), overwrite: false, NullEngineLog.Instance, CancellationToken.None);

        Assert.True(saved.File.Length > 0);
        // The two cut-short answers, then as many whole "not ready" ones as the render takes, then the video.
        Assert.True(Emulator.Requests.Count(r => r.Path.EndsWith("/content")) >= 3);
    }

    [Theory]
    [InlineData("{\"error\":{\"message\":\"Task is not completed yet, current status: IN_PROGRESS\",\"type\":\"invalid_request_error\"}}", true)]
    [InlineData("{\"error\":{\"message\":\"Task is not completed yet, cur (the answer broke off)", true)]
    [InlineData("{\"error\":{\"message\":\"Task is not completed yet, current status: FAILURE\",\"type\":\"invalid_request_error\"}}", false)]
    [InlineData("{\"error\":{\"message\":\"Task not found\",\"type\":\"invalid_request_error\"}}", false)]
    public void The_proxys_not_ready_answer_is_read_whole_or_cut_short(string body, bool notReady) =>
        Assert.Equal(notReady, Veo.Core.Providers.OpenAIVideosProvider.IsNotReady(body));
}
