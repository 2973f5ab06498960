using Veo.Core.Pricing;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>What the Vertex route adds, as a user sees it in PowerShell: seed, silence, several videos a request, and the token.</summary>
public class VertexCommandTests : PowerShellTest
{
    private const string Token = "ya29.a0-vertex-session-token";

    private void ConnectVertex(string token = TestHome.Key) =>
        Assert.Empty(Run($"Connect-Veo -Route Vertex -Project my-project -BaseUri '{Emulator.BaseUri}' -AccessToken (ConvertTo-SecureString '{token}' -AsPlainText -Force)").Errors);

    [Fact]
    public void Three_silent_videos_from_one_request_are_saved_as_three_files_named_after_the_task()
    {
        ConnectVertex();

        var result = Run("New-VeoVideo 'A lighthouse at dusk' -VideoCount 3 -NoAudio -Seed 42 | Wait-VeoVideo | Save-VeoVideo -Path ./clips");

        Assert.Empty(result.Errors);
        var files = result.Objects<VideoFile>();
        Assert.Equal(new[] { 1, 2, 3 }, files.Select(f => f.Sample).OrderBy(s => s));
        Assert.All(files, f => Assert.Equal((1280, 720, false), (f.Width, f.Height, f.HasAudio)));
        var id = files[0].TaskId[(files[0].TaskId.LastIndexOf('/') + 1)..];
        Assert.Equal(new[] { $"{id}-1.mp4", $"{id}-2.mp4", $"{id}-3.mp4" }, files.Select(f => f.Name).OrderBy(n => n));
        Assert.Single(Emulator.CreatedTasks);
        var create = Assert.Single(Emulator.Requests, r => r.Path.EndsWith(":predictLongRunning"));
        Assert.Equal("/v1/projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001:predictLongRunning", create.Path);
        Assert.Contains("\"sampleCount\":3", create.JsonBody);
        Assert.Contains("\"generateAudio\":false", create.JsonBody);
    }

    [Fact]
    public void Several_videos_saved_to_one_file_name_are_numbered()
    {
        ConnectVertex();

        var result = Run("New-VeoVideo p -VideoCount 2 | Wait-VeoVideo | Save-VeoVideo -Path ./clip.mp4");

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "clip-1.mp4", "clip-2.mp4" }, result.Objects<VideoFile>().Select(f => f.Name).OrderBy(n => n));
    }

    [Fact]
    public void WhatIf_prices_every_video_of_the_request_at_the_silent_rate_and_sends_nothing()
    {
        ConnectVertex();

        var result = Run("New-VeoVideo 'A fox' -VideoCount 4 -NoAudio -WhatIf");

        var said = string.Join("\n", result.HostLines);
        Assert.Contains("4 videos, silent", said);
        Assert.Contains("$3.20", said);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void A_session_cap_counts_every_video_of_a_request()
    {
        ConnectVertex();

        var result = Run("Connect-Veo -MaxCost 3 | Out-Null; New-VeoVideo 'A fox' -VideoCount 4");

        Assert.Equal("SpendingCapReached,Veo.PowerShell.Commands.NewVeoVideoCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Empty(Emulator.CreatedTasks);
    }

    [Fact]
    public void Several_videos_a_request_are_refused_on_other_routes_with_the_reason()
    {
        var result = Run("New-VeoVideo p -VideoCount 2");

        Assert.Contains("one video per request", Assert.Single(result.Errors).Exception.Message);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void The_token_never_reaches_output_streams_or_the_journal()
    {
        // A token the emulator does not take: the refusal is an error that must not quote it either.
        ConnectVertex(Token);

        var refused = Run("New-VeoVideo p -Verbose -Debug");
        var shown = Run("Connect-Veo | Format-List | Out-String");

        Assert.Equal("ApiKeyRefused,Veo.PowerShell.Commands.NewVeoVideoCommand", refused.Terminating?.ErrorRecord.FullyQualifiedErrorId);
        var everything = string.Join("\n", new[] { refused, shown }.SelectMany(r => r.Output.Select(o => o.ToString())
            .Concat(r.Errors.Select(e => e.ToString())).Concat(new[] { r.Terminating?.Message ?? "" })
            .Concat(r.Verbose.Select(v => v.Message)).Concat(r.Debug.Select(d => d.Message)).Concat(r.HostLines)));
        Assert.Contains("Expected OAuth 2 access token", everything);
        Assert.DoesNotContain(Token, everything);
        Assert.DoesNotContain(Token, File.ReadAllText(Home.Journal.Path));
        Assert.DoesNotContain(Token, string.Concat(Directory.GetFiles(Home.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".mp4")).Select(File.ReadAllText)));
    }

    [Fact]
    public void Connect_Veo_says_the_project_and_location_and_the_location_chooses_the_host()
    {
        var result = Run("Connect-Veo -Route Vertex -Project my-project -Location europe-west4");

        var connection = result.Single<VeoConnection>();
        Assert.Equal(("my-project", "europe-west4", new Uri("https://europe-west4-aiplatform.googleapis.com/")), (connection.Project, connection.Location, connection.BaseUri));
    }

    [Fact]
    public void A_project_given_to_another_route_is_refused()
    {
        var result = Run("Connect-Veo -Route Google -Project my-project");

        Assert.Contains("for a Vertex AI route", Assert.Single(result.Errors).Exception.Message);
    }

    [Fact]
    public void Get_VeoPrice_NoAudio_lists_the_silent_prices_and_compares_them_with_LaoZhang()
    {
        var result = Run("Get-VeoPrice -NoAudio -Resolution 1080p -Compare LaoZhang");

        Assert.Empty(result.Errors);
        var quotes = result.Objects<PriceQuote>();
        // LaoZhang's price with sound is the reference: $0.30 a call for Fast, $1.20 for Standard.
        Assert.Equal(new[] { ("Vertex", "veo-3.1-fast", 0.80m, 166.7m), ("Vertex", "veo-3.1", 1.60m, 33.3m) },
            quotes.Select(q => (q.Route, q.Model, q.Cost, q.PercentDifference!.Value)));
    }

    [Fact]
    public void A_Vertex_video_extended_and_saved_is_one_mp4_seven_seconds_longer_at_the_sources_resolution()
    {
        ConnectVertex();
        Run("$first = New-VeoVideo 'A lighthouse at dusk' -Resolution 1080p -NoAudio | Wait-VeoVideo");

        var result = Run("New-VeoVideo 'and then the fog rolls in' -Extend $first -NoAudio | Wait-VeoVideo | Save-VeoVideo -Path longer.mp4");

        Assert.Empty(result.Errors);
        var file = result.Single<VideoFile>();
        Assert.Equal(("Vertex", 1920, 1080, false), (file.Route, file.Width, file.Height, file.HasAudio));
        Assert.Equal(15, file.Duration, 0.1);
        var create = Emulator.Requests.Last(r => r.Path.EndsWith(":predictLongRunning"));
        Assert.Contains("\"bytesBase64Encoded\"", create.JsonBody);
        Assert.DoesNotContain("durationSeconds", create.JsonBody);
    }

    [Fact]
    public void WhatIf_on_a_Vertex_extension_prices_the_seven_seconds_added()
    {
        ConnectVertex();
        Run("$first = New-VeoVideo 'A lighthouse at dusk' | Wait-VeoVideo");
        var before = Emulator.Requests.Count(r => r.Path.EndsWith(":predictLongRunning"));

        var result = Run("New-VeoVideo 'and then' -Extend $first -WhatIf");

        var said = string.Join("\n", result.HostLines);
        Assert.Contains("Extension of", said);
        Assert.Contains("(15 s in all) 7 s 720p", said);
        Assert.Contains(SpendingGuard.Money(PriceBook.Default.Quote("Vertex", "veo-3.1-fast", 7, "720p")!.Cost), said);
        Assert.Equal(before, Emulator.Requests.Count(r => r.Path.EndsWith(":predictLongRunning")));
    }

    [Fact]
    public void A_Vertex_extension_of_a_source_past_thirty_seconds_is_refused_before_any_call()
    {
        ConnectVertex();
        Run("$v = New-VeoVideo 'A lighthouse at dusk' | Wait-VeoVideo; 1..3 | ForEach-Object { $v = New-VeoVideo 'more' -Extend $v | Wait-VeoVideo }; $v = New-VeoVideo 'more' -Extend $v | Wait-VeoVideo");
        var before = Emulator.CreatedTasks.Count;

        var result = Run("New-VeoVideo 'too long' -Extend $v");

        Assert.Contains("is 36 seconds long; Vertex extends videos of at most 30 seconds", Assert.Single(result.Errors).Exception.Message);
        Assert.Equal(before, Emulator.CreatedTasks.Count);
    }

    [Fact]
    public void EnhancePrompt_reaches_Vertex_as_given_and_the_Google_route_refuses_it_saying_why()
    {
        ConnectVertex();

        var sent = Run("New-VeoVideo 'A lighthouse at dusk' -EnhancePrompt:$false | Wait-VeoVideo");
        var refused = Run("New-VeoVideo 'A lighthouse at dusk' -EnhancePrompt -Route Google");

        Assert.Empty(sent.Errors);
        Assert.Contains("\"enhancePrompt\":false", Emulator.Requests.Last(r => r.Path.EndsWith(":predictLongRunning")).JsonBody);
        Assert.Contains("the Gemini API's Veo 3.1 parameters do not list it", Assert.Single(refused.Errors).Exception.Message);
        Assert.Single(Emulator.CreatedTasks);
    }

    [Fact]
    public void CompressionQuality_and_ResizeMode_reach_Vertex_and_are_refused_elsewhere()
    {
        ConnectVertex();

        var sent = Run("New-VeoVideo 'A lighthouse at dusk' -Image $frame -CompressionQuality lossless -ResizeMode Pad | Wait-VeoVideo", ("frame", TestImages.Landscape720Png));
        var refused = Run("New-VeoVideo 'A lighthouse at dusk' -CompressionQuality Optimized -Route Google");

        Assert.Empty(sent.Errors);
        var body = Emulator.Requests.Last(r => r.Path.EndsWith(":predictLongRunning")).JsonBody!;
        Assert.Contains("\"compressionQuality\":\"LOSSLESS\"", body);
        Assert.Contains("\"resizeMode\":\"PAD\"", body);
        Assert.Contains("Route Google takes no compression setting", Assert.Single(refused.Errors).Exception.Message);
        Assert.Single(Emulator.CreatedTasks);
    }
}
