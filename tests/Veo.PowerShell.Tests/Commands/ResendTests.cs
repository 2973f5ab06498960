using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>
/// A row that failed is sent again as it was: from the error's TargetObject or from Get-VeoVideo -State Failed, every
/// parameter of the first request comes back, on the same route.
/// </summary>
public class ResendTests : PowerShellTest
{
    private void ConnectVertex() =>
        Assert.Empty(Run($"Connect-Veo -Route Vertex -Project my-project -BaseUri '{Emulator.BaseUri}' -AccessToken (ConvertTo-SecureString '{TestHome.Key}' -AsPlainText -Force)").Errors);

    /// <summary>Everything a Vertex request can carry that a CSV cell or a later command might lose on the way back in.</summary>
    private static string FullRequest => "New-VeoVideo 'A lighthouse at dusk' -Route Vertex -Model Standard -Duration 8 -Resolution 1080p -AspectRatio 9:16 " +
        $"-NegativePrompt 'no people' -Seed 42 -Image '{TestImages.Portrait720Png}' -NoAudio -VideoCount 2 -CompressionQuality Lossless " +
        "-ResizeMode Pad -EnhancePrompt -StorageUri gs://bucket/out/";

    /// <summary>Requests compare by what they say: a list read back from the journal is another list with the same items.</summary>
    private static string Json(Veo.Core.Requests.VideoRequest? request) => System.Text.Json.JsonSerializer.Serialize(request);

    [Fact]
    public void A_failed_task_piped_back_from_the_wait_error_is_made_again_with_every_parameter()
    {
        ConnectVertex();
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));

        var first = Run($"$t = {FullRequest}; $t; $t | Wait-VeoVideo -PollInterval 1 -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null; $failed[0].TargetObject | New-VeoVideo");

        Assert.Equal(2, first.Objects<VideoTask>().Count);
        var (original, again) = (first.Objects<VideoTask>()[0], first.Objects<VideoTask>()[^1]);
        Assert.NotEqual(original.Id, again.Id);
        Assert.Equal(Json(original.Request), Json(again.Request));
        Assert.Equal("Vertex", again.Route);
    }

    [Fact]
    public void Failed_tasks_from_the_journal_are_made_again_with_every_parameter()
    {
        ConnectVertex();
        Emulator.Faults.Add(new Fault(FaultKind.FailTask));
        Assert.Empty(Run($"{FullRequest} -WhatIf").Errors);
        var original = Run($"{FullRequest} | Wait-VeoVideo -PollInterval 1 -ErrorAction SilentlyContinue | Out-Null; Get-VeoVideo -State Failed").Objects<VideoTask>().Single();

        var again = Run("Get-VeoVideo -State Failed | New-VeoVideo").Objects<VideoTask>().Single();

        Assert.Equal(Json(original.Request), Json(again.Request));
        Assert.Equal("Vertex", again.Route);
    }

    [Fact]
    public void A_row_refused_by_a_cap_is_sent_as_it_was_from_the_errors_target_and_its_message_names_the_row()
    {
        ConnectVertex();

        var refused = Run($"{FullRequest} -MaxCost 0.01 -ErrorVariable capped; $capped[0]");
        var message = Assert.Single(refused.Errors).ToString();
        Assert.StartsWith("Row 1 ('A lighthouse at dusk'): ", message);

        var again = Run($"{FullRequest} -MaxCost 0.01 -ErrorVariable capped -ErrorAction SilentlyContinue; $capped[0].TargetObject | New-VeoVideo").Objects<VideoTask>().Single();
        var made = Run($"{FullRequest} -WhatIf:$false").Objects<VideoTask>().Single();
        Assert.Equal(Json(made.Request), Json(again.Request));
        Assert.Equal("Vertex", again.Route);
    }
}
