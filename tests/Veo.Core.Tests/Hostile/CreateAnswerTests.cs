using Veo.Core.Http;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Requests;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Hostile;

/// <summary>A create answered 2xx costs money: whatever else the answer gets wrong, its id must reach the journal.</summary>
public sealed class CreateAnswerTests : IDisposable
{
    private readonly TestHome _home = new();

    private async Task<VideoTask> CreateAgainst(ScriptedServer server, string route)
    {
        var engine = _home.Engine();
        var provider = engine.Provider(BuiltInRoutes.Find(route)!.At(server.BaseUri), new ApiKey(TestHome.Key));
        return await engine.CreateAsync(RequestValidator.Prepare(BadRequests.Valid, provider.Route), provider, 0.30m, CancellationToken.None);
    }

    [Theory]
    [InlineData("LaoZhang", "{\"id\":\"task_micro\",\"status\":\"queued\",\"created_at\":1770350082123456}")]
    [InlineData("LaoZhang", "{\"id\":\"task_micro\",\"status\":\"queued\",\"created_at\":99999999999999999999}")]
    [InlineData("LaoZhang", "{\"id\":\"task_micro\",\"status\":\"unknown\"}")]
    [InlineData("LaoZhang", "{\"id\":\"task_micro\",\"status\":\"\"}")]
    [InlineData("LaoZhang", "{\"id\":\"task_micro\",\"status\":\"being-thought-about\",\"progress\":\"12%\"}")]
    [InlineData("Crazyrouter", "{\"code\":\"success\",\"data\":{\"task_id\":\"task_micro\",\"status\":\"unknown\",\"status_update_time\":1770350082123}}")]
    public async Task A_2xx_create_with_an_id_is_a_created_task_whatever_else_it_says(string route, string answer)
    {
        using var server = ScriptedServer.Json(_ => answer);

        var task = await CreateAgainst(server, route);

        Assert.Equal("task_micro", task.Id);
        Assert.Equal(VideoTaskStatus.Queued, task.Status);
        Assert.Contains(_home.Journal.ReadAll(), e => e.Event == JournalEntry.Created && e.Id == "task_micro");
        Assert.Empty(_home.Journal.UncertainCreates());
    }

    [Fact]
    public async Task A_2xx_create_cut_short_keeps_the_id_it_named_in_the_ambiguous_entry()
    {
        using var server = ScriptedServer.Json(_ => "{\"task_id\":\"task_half\",\"status\":");

        var error = await Assert.ThrowsAsync<AmbiguousCreateException>(() => CreateAgainst(server, "LaoZhang"));

        Assert.Equal("task_half", error.IdHint);
        var entry = Assert.Single(_home.Journal.UncertainCreates());
        Assert.Equal(JournalEntry.AmbiguousCreate, entry.Event);
        Assert.Equal("task_half", entry.IdHint);
    }

    public void Dispose() => _home.Dispose();
}
