using System.Diagnostics;
using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;
using Veo.Emulator;

namespace Veo.Core.Tests.Http;

/// <summary>
/// A refusal that says only "not now" (a create the gateway refused for certain, a download answered 503) is tried again
/// after a short wait, not the reads' 2 s first retry delay: with the policy users get, against the emulator.
/// </summary>
public sealed class RefusalBackoffTests : EmulatorAndHomeTest
{
    /// <summary>What users get, but for the reads' retries (not involved here) and the deadline.</summary>
    private static readonly HttpPolicy UsersPolicy = HttpPolicy.Default with { Deadline = TimeSpan.FromSeconds(30) };

    /// <summary>Under the old first wait (1.5-2.5 s for a create, 2 s for a download) with room for a loaded machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1.4);

    [Fact]
    public async Task A_create_the_gateway_refused_with_503_is_sent_again_within_half_a_second()
    {
        var engine = new VeoEngine(Home.Journal, UsersPolicy);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        Emulator.Faults.Add(new Fault(FaultKind.ServerError, PathContains: "/v1/videos", Times: 1) { StatusCode = 503 });
        var clock = Stopwatch.StartNew();

        var task = await engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid, provider.Route), provider, null, CancellationToken.None);

        Assert.True(clock.Elapsed < Bound, $"the create took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.False(string.IsNullOrEmpty(task.Id));
        Assert.Equal([503, 200], Emulator.Requests.Where(r => r.Method == "POST").Select(r => r.StatusCode));
        Assert.Equal(1, Emulator.CreatedTaskCount);
    }

    [Fact]
    public async Task A_download_answered_503_starts_again_within_half_a_second()
    {
        var engine = new VeoEngine(Home.Journal, UsersPolicy);
        var provider = engine.Provider(BuiltInRoutes.LaoZhang.At(Emulator.BaseUri), new ApiKey(TestHome.Key));
        var task = await new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang).WaitAsync(
            await engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid, provider.Route), provider, null, CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(0.5)); // the content lag after completion
        Emulator.Faults.Add(new Fault(FaultKind.ServerError, PathContains: "/content", Times: 1) { StatusCode = 503 });
        var clock = Stopwatch.StartNew();

        var saved = await engine.SaveAsync(task, provider, Home.PathOf("out.mp4"), false, NullEngineLog.Instance, CancellationToken.None);

        Assert.True(clock.Elapsed < Bound, $"the save took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(File.Exists(saved.File.Path));
        Assert.Equal([503, 200], Emulator.Requests.Where(r => r.Path.EndsWith("/content", StringComparison.Ordinal)).Select(r => r.StatusCode));
    }
}
