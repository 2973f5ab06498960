using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Veo.Core.Tasks;
using Veo.PowerShell.Emulation;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Emulation;

/// <summary>
/// Start-VeoEmulator -Listen in a real runspace: the emulator on a 127.0.0.1 port that a plain HttpClient and another
/// runspace reach, the session's own requests through that socket, and a port that Stop (or closing the runspace) frees.
/// </summary>
public sealed class ListeningEmulatorTests : PowerShellTest
{
    [Fact]
    public void The_session_makes_videos_through_the_port_and_nothing_reaches_the_routes_it_had()
    {
        var result = Run("""
            $info = Start-VeoEmulator -Listen -RenderSeconds 0 -PassThru
            $info
            New-VeoVideo 'A lighthouse at dusk' | Wait-VeoVideo | Save-VeoVideo -Path ./videos
            Get-VeoEmulatorRequest -Method POST
            Stop-VeoEmulator
            """);

        Assert.Empty(result.Errors);
        var info = Assert.Single(result.Objects<VeoEmulatorInfo>());
        Assert.True(info.IsListening);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/$", info.BaseUri.ToString());
        Assert.StartsWith("emulator-", info.ApiKey);
        Assert.True(new FileInfo(Assert.Single(result.Objects<VideoFile>()).Path).Length > 1000);
        var create = Assert.Single(result.Objects<VeoEmulatorRequest>());
        // The create was addressed to the listener's port, and (below) nothing reached the emulator the routes had.
        Assert.Equal(info.BaseUri.Authority, create.Headers["Host"]);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task An_HttpClient_reaches_it_with_the_key_PassThru_shows_and_the_session_sees_its_request()
    {
        var info = Run("Start-VeoEmulator -Listen -PassThru").Single<VeoEmulatorInfo>();
        using var http = new HttpClient { BaseAddress = info.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", info.ApiKey);

        using var created = await http.PostAsync("v1/videos", new MultipartFormDataContent
        {
            { new StringContent("veo-3.1-fast-generate-preview"), "model" },
            { new StringContent("sent by curl's cousin"), "prompt" },
        });
        var seen = Run("(Get-VeoEmulatorRequest -Method POST).Fields.prompt");
        Run("Stop-VeoEmulator");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("sent by curl's cousin", seen.Text);
    }

    [Fact]
    public void Another_runspace_makes_videos_on_it_and_faults_added_here_reach_it()
    {
        var result = Run("""
            $emulator = Start-VeoEmulator -Listen -PassThru
            Add-VeoEmulatorFault -Kind FailTask
            $manifest = $VeoManifest
            $made = 'first', 'second' | ForEach-Object -ThrottleLimit 1 -Parallel {
                Import-Module $using:manifest
                $emulator = $using:emulator
                Connect-Veo -Route LaoZhang -BaseUri $emulator.BaseUri -ApiKey (ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force) | Out-Null
                New-VeoVideo $_ | Wait-VeoVideo -PollInterval 1 -ErrorAction SilentlyContinue -ErrorVariable failed
                if ($failed) { "failed: $($failed[0].FullyQualifiedErrorId)" }
            }
            $made | ForEach-Object { if ($_ -is [string]) { $_ } else { "$($_.Prompt) $($_.Status)" } }
            @(Get-VeoEmulatorRequest -Method POST).Count
            Stop-VeoEmulator
            """, ("VeoManifest", VeoShell.ModuleManifest));

        Assert.Empty(result.Errors);
        var lines = result.Output.Select(o => o.ToString()).ToList();
        Assert.StartsWith("failed: VideoTaskFailed", lines[0]);
        Assert.Equal("second Completed", lines[1]);
        Assert.Equal("2", lines[2]);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task Stop_closes_the_port()
    {
        var port = Run("(Start-VeoEmulator -Listen -PassThru).BaseUri.Port").Single<int>();
        using (var open = new TcpClient()) await open.ConnectAsync(IPAddress.Loopback, port);

        var stopped = Run("Stop-VeoEmulator; (Get-VeoRoute LaoZhang).BaseUri");

        Assert.Equal(Emulator.BaseUri.ToString(), stopped.Text);
        AssertPortFree(port);
    }

    [Fact]
    public void A_port_in_use_is_an_error_and_the_session_stays_as_it_was()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var result = Run($"Start-VeoEmulator -Port {port}; (Get-VeoRoute LaoZhang).BaseUri");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Contains($"Port {port}", error.ToString());
            Assert.Equal(Emulator.BaseUri.ToString(), result.Text);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public void Closing_the_runspace_that_started_it_closes_the_port()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Home.Folder, "other-shell")).FullName;
        int port;
        using (var other = new VeoShell(folder)) port = other.Run("(Start-VeoEmulator -Listen -PassThru).BaseUri.Port").Single<int>();

        AssertPortFree(port);
    }

    private static void AssertPortFree(int port)
    {
        var again = new TcpListener(IPAddress.Loopback, port);
        again.Start();   // throws when something still listens on the port
        again.Stop();
    }
}
