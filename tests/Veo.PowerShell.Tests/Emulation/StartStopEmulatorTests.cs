using Veo.Core.Tasks;
using Veo.PowerShell.Emulation;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Emulation;

/// <summary>
/// Start-VeoEmulator in a real runspace. The base class connects LaoZhang to a standalone emulator (with its key):
/// a request reaching that one while the in-process emulator runs would be a request that escaped.
/// </summary>
public sealed class StartStopEmulatorTests : PowerShellTest
{
    [Theory]
    [InlineData("LaoZhang", "/v1/videos")]
    [InlineData("Crazyrouter", "/v1/video/create")]
    [InlineData("Google", "/v1/interactions")]
    public void New_Wait_Save_run_on_every_route_with_no_key_and_nothing_leaves_the_session(string route, string createPath)
    {
        var result = Run($"""
            Start-VeoEmulator -RenderSeconds 0
            New-VeoVideo 'A lighthouse at dusk' -Route {route} | Wait-VeoVideo | Save-VeoVideo -Path ./videos
            Get-VeoEmulatorRequest -Method POST
            """);

        Assert.Empty(result.Errors);
        var file = Assert.Single(result.Objects<VideoFile>());
        Assert.True(new FileInfo(file.Path).Length > 1000);
        Assert.Equal(1280, file.Width);
        Assert.Equal(createPath, Assert.Single(result.Objects<VeoEmulatorRequest>()).Path);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void Emulated_videos_are_held_to_the_session_cap_but_never_count_as_money_spent()
    {
        Run("Connect-Veo -MaxCost 0.50 | Out-Null; New-VeoVideo 'Paid for' | Out-Null");
        var spentBefore = Run("(Connect-Veo).Spent").Single<decimal>();

        var during = Run("""
            Start-VeoEmulator
            'a', 'b', 'c' | New-VeoVideo -ErrorAction SilentlyContinue -ErrorVariable capped
            $capped.Count
            """);
        var after = Run("Stop-VeoEmulator; (Connect-Veo).Spent").Single<decimal>();

        // A LaoZhang Fast video is $0.30. The session cap of $0.50 holds on the emulator's own ledger, which starts at
        // nothing: one emulated video fits (the real $0.30 spent before is not counted against it), the next two pass
        // the cap and are refused, and Stop leaves the real ledger as it was.
        Assert.Equal(0.30m, spentBefore);
        Assert.Single(during.Objects<VideoTask>());
        Assert.Equal(2, Assert.Single(during.Objects<int>()));
        Assert.Equal(0.30m, after);
    }

    [Fact]
    public void Stop_puts_back_each_route_the_default_route_and_the_journal()
    {
        Run("New-VeoVideo 'Made before' | Out-Null");
        var before = Run("Get-VeoRoute | ForEach-Object { \"$($_.Name) $($_.BaseUri) $($_.KeySource)\" }").Text;

        var during = Run("""
            Start-VeoEmulator -Route Crazyrouter
            (Get-VeoRoute Crazyrouter).BaseUri
            New-VeoVideo 'Made on the emulator' | Out-Null
            (Get-VeoVideo).Prompt
            """);
        var after = Run("""
            Stop-VeoEmulator
            Get-VeoRoute | ForEach-Object { "$($_.Name) $($_.BaseUri) $($_.KeySource)" }
            """);
        var journal = Run("(Get-VeoVideo).Prompt").Text;
        Run("New-VeoVideo 'Made after' | Out-Null");

        Assert.Empty(during.Errors);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/$", during.Output[0].ToString());
        Assert.Equal("Made on the emulator", during.Output[1].ToString());
        Assert.Equal(before, after.Text);
        Assert.Equal("Made before", journal);
        // Back on the standalone emulator, as LaoZhang was connected, with its default route and key.
        Assert.Equal(2, CreateCalls);
        Assert.All(Emulator.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("/v1/videos", r.Path));
    }

    [Fact]
    public void Stop_without_an_emulator_does_nothing_and_twice_is_harmless()
    {
        var result = Run("Stop-VeoEmulator; Start-VeoEmulator; Stop-VeoEmulator; Stop-VeoEmulator; (Get-VeoRoute LaoZhang).BaseUri");

        Assert.Empty(result.Errors);
        Assert.Equal(Emulator.BaseUri.ToString(), result.Text);
    }

    [Fact]
    public void Starting_again_replaces_the_emulator_and_Stop_still_restores_the_first_state()
    {
        var result = Run("""
            Start-VeoEmulator
            New-VeoVideo 'One' | Out-Null
            Start-VeoEmulator
            @(Get-VeoEmulatorRequest).Count
            Stop-VeoEmulator
            (Get-VeoRoute LaoZhang).BaseUri
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(["0", Emulator.BaseUri.ToString()], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void WhatIf_sends_nothing_to_the_emulator()
    {
        var result = Run("""
            Start-VeoEmulator
            New-VeoVideo 'A lighthouse' -WhatIf
            @(Get-VeoEmulatorRequest).Count
            """);

        Assert.Empty(result.Errors);
        Assert.StartsWith("What if: ", Assert.Single(result.HostLines));
        Assert.Equal("0", result.Text);
    }

    [Fact]
    public void Timings_and_options_reach_the_emulator()
    {
        var result = Run("""
            $info = Start-VeoEmulator -RenderSeconds 2 -QueueSeconds 1 -ContentLagSeconds 0.5 -Option @{ LargeVideoBytes = 300KB } -PassThru
            $info.RenderSeconds, $info.QueueSeconds, $info.ContentLagSeconds
            (New-VeoVideo 'A long take' | Wait-VeoVideo | Save-VeoVideo -Path ./long.mp4).Length
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(["2", "1", "0.5", (300 * 1024).ToString()], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void An_option_the_emulator_does_not_have_is_refused_with_the_names_it_has()
    {
        var result = Run("Start-VeoEmulator -Option @{ RenderTiem = 3 }");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidArgument,", error.FullyQualifiedErrorId);
        Assert.Contains("RenderTime", error.Exception.Message);
        Assert.Equal(Emulator.BaseUri.ToString(), Run("(Get-VeoRoute LaoZhang).BaseUri").Text);
    }

    [Fact]
    public void The_emulator_commands_need_a_running_emulator()
    {
        var result = Run("Get-VeoEmulatorRequest");

        Assert.NotNull(result.Terminating);
        Assert.Equal("EmulatorNotRunning,Veo.PowerShell.Commands.GetVeoEmulatorRequestCommand", result.Terminating!.ErrorRecord.FullyQualifiedErrorId);
    }

    [Fact]
    public void Each_runspace_has_its_own_emulator_and_sees_only_its_own_requests()
    {
        using var other = new VeoShell(Home.Folder);

        var first = Run("Start-VeoEmulator; New-VeoVideo 'Mine' -Duration 4 | Out-Null; (Get-VeoRoute LaoZhang).BaseUri");
        var second = other.Run("Start-VeoEmulator; New-VeoVideo 'Theirs' -Duration 6 | Out-Null; (Get-VeoRoute LaoZhang).BaseUri");
        var firstSeen = Run("(Get-VeoEmulatorRequest -Method POST).Fields.prompt").Text;
        var secondSeen = other.Run("(Get-VeoEmulatorRequest -Method POST).Fields.prompt").Text;
        other.Run("Stop-VeoEmulator");
        var stillRunning = Run("@(Get-VeoEmulatorRequest).Count").Text;

        Assert.Empty(first.Errors.Concat(second.Errors));
        Assert.Equal("Mine", firstSeen);
        Assert.Equal("Theirs", secondSeen);
        Assert.Equal("1", stillRunning);
        Assert.Empty(Emulator.Requests);
    }
}
