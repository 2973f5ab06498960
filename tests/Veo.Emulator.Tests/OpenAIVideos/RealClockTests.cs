namespace Veo.Emulator.Tests.OpenAIVideos;

public sealed class RealClockTests : OpenAIVideosTest
{
    protected override EmulatorOptions Options => new()
    {
        QueueTime = TimeSpan.Zero,
        RenderTime = TimeSpan.FromMilliseconds(300),
        ContentLag = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task On_the_real_clock_a_task_completes_and_serves_by_itself()
    {
        var id = await CreateTaskAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(700));

        Assert.Equal("completed", (await PollAsync(id)).GetProperty("status").GetString());
        Assert.Equal(Fixtures.Served("landscape-720p"), await DownloadAsync(id));
    }
}
