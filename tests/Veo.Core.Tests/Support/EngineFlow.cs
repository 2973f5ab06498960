using Veo.Core.Http;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Emulator;

namespace Veo.Core.Tests.Support;

/// <summary>create → wait → save through the engine against an emulator, as the cmdlets do it.</summary>
public sealed class EngineFlow
{
    public EngineFlow(TestHome home, EmulatorServer emulator, VideoRoute route)
    {
        Home = home;
        Engine = home.Engine();
        Provider = Engine.Provider(route.At(emulator.BaseUri), new ApiKey(TestHome.Key));
    }

    public TestHome Home { get; }
    public VeoEngine Engine { get; }
    public IVideoProvider Provider { get; }

    public Task<VideoTask> CreateAsync(VideoRequest request) =>
        Engine.CreateAsync(RequestValidator.Prepare(request, Provider.Route), Provider, null, CancellationToken.None);

    public async Task<VideoTask> WaitAsync(VideoTask task)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!task.IsFinished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            task = await Engine.RefreshAsync(task, Provider, CancellationToken.None);
        }
        return task;
    }

    public async Task<SaveResult> MakeAsync(VideoRequest request, string fileName = "out.mp4")
    {
        var task = await WaitAsync(await CreateAsync(request));
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        return await Engine.SaveAsync(task, Provider, Home.PathOf(fileName), overwrite: false, NullEngineLog.Instance, CancellationToken.None);
    }
}
