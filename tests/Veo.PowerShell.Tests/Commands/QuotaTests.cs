using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>Batches at the quota's pace, as a user pipes them: held back to fit, a 429 waited out, no row failed for being early.</summary>
public class QuotaTests : PowerShellTest
{
    protected override EmulatorOptions EmulatorOptions
    {
        get
        {
            var options = TestHome.QuickEmulator();
            options.MaxRunning = 3;
            options.RenderTime = TimeSpan.FromSeconds(1);
            return options;
        }
    }

    private int Refused => Emulator.Requests.Count(r => r.StatusCode == 429);

    [Fact]
    public void Twenty_rows_against_a_small_quota_end_with_twenty_videos_none_refused_and_verbose_says_why_creates_wait()
    {
        var result = Run("""
            Connect-Veo -MaxRunning 3 | Out-Null
            1..20 | ForEach-Object { "prompt $_" } | New-VeoVideo -ThrottleLimit 8 -Verbose | Wait-VeoVideo
            """);

        Assert.Empty(result.AllErrorRecords());
        var tasks = result.Objects<VideoTask>();
        Assert.Equal(20, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(VideoTaskStatus.Completed, t.Status));
        Assert.Equal(20, Emulator.CreatedTaskCount);
        Assert.Equal(0, Refused);
        Assert.Contains(result.Verbose, v => v.Message.Contains("3 tasks are running", StringComparison.Ordinal));
    }

    [Fact]
    public void With_no_quota_known_the_services_429s_are_waited_out_and_no_row_fails()
    {
        var result = Run($$"""
            Connect-Veo -Route Google -BaseUri '{{Emulator.BaseUri}}' -ApiKey (ConvertTo-SecureString {{TestHome.Key}} -AsPlainText -Force) | Out-Null
            1..8 | ForEach-Object { "prompt $_" } | New-VeoVideo -ThrottleLimit 4 -Verbose | Wait-VeoVideo
            """);

        Assert.Empty(result.AllErrorRecords());
        Assert.Equal(8, result.Objects<VideoTask>().Count);
        Assert.Equal(8, Emulator.CreatedTaskCount);
        Assert.True(Refused > 0, "the emulator refused nothing: the test proves nothing");
        Assert.Contains(result.Verbose, v => v.Message.Contains("429", StringComparison.Ordinal) && v.Message.Contains("nothing was made", StringComparison.Ordinal));
    }

    [Fact]
    public void Get_VeoRoute_shows_each_routes_quota_and_where_its_numbers_come_from()
    {
        var result = Run("""
            Connect-Veo -Route LaoZhang -RequestsPerMinute 5 | Out-Null
            Register-VeoRoute -Name Limited -Dialect OpenAIVideos -BaseUri https://limited.example.com/ -KeyVariable LIMITED_KEY -RequestsPerMinute 20 -MaxRunning 4 | Out-Null
            Get-VeoRoute
            """);

        var routes = result.Objects<VeoRouteInfo>().ToDictionary(r => r.Name);
        Assert.Equal(10, routes["Google"].RequestsPerMinute);
        Assert.Equal(10, routes["Google"].MaxRunning);
        Assert.Contains("documented", routes["Google"].QuotaSource);
        Assert.Contains("unpublished", routes["Crazyrouter"].QuotaSource);
        // LaoZhang is at the emulator in this session: its own numbers do not apply there, the session's do.
        Assert.Equal(5, routes["LaoZhang"].RequestsPerMinute);
        Assert.Null(routes["LaoZhang"].MaxRunning);
        Assert.Contains("Connect-Veo", routes["LaoZhang"].QuotaSource);
        Assert.Equal(20, routes["Limited"].RequestsPerMinute);
        Assert.Equal(4, routes["Limited"].MaxRunning);
    }
}
