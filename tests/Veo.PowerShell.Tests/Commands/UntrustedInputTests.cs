using Veo.Core.Tasks;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>Caps, data files and local paths that could fail open, lead a key astray or mislead, as a user meets them.</summary>
public class UntrustedInputTests : PowerShellTest
{
    [Theory]
    [InlineData("$5")]
    [InlineData("0,6")]
    [InlineData("0.6 USD")]
    [InlineData("abc")]
    public void An_unreadable_VEO_MAX_COST_is_an_error_before_anything_is_sent(string cap)
    {
        var result = Run("$env:VEO_MAX_COST = $cap; 'A fox' | New-VeoVideo -ErrorAction SilentlyContinue -ErrorVariable failed; $failed", ("cap", cap));

        Assert.Contains(result.Objects<System.Management.Automation.ErrorRecord>(), e => e.Exception.Message.Contains("VEO_MAX_COST", StringComparison.Ordinal));
        Assert.Equal(0, CreateCalls);
    }

    [Fact]
    public void Connecting_again_with_a_cap_keeps_what_the_session_spent()
    {
        var result = Run("""
            'a', 'b' | New-VeoVideo | Out-Null
            Connect-Veo -MaxCost 0.95 | Out-Null
            'c', 'd' | New-VeoVideo -ErrorAction SilentlyContinue -ErrorVariable capped
            (Connect-Veo).Spent
            """);

        Assert.Single(result.Objects<VideoTask>());
        Assert.Equal(0.90m, result.Objects<decimal>().Single());
        Assert.Equal(3, CreateCalls);
    }

    [Fact]
    public void A_BaseUri_column_in_a_CSV_never_moves_where_the_key_goes()
    {
        var result = Run("""
            @'
            Prompt,BaseUri
            "A fox",https://attacker.example/
            '@ | ConvertFrom-Csv | New-VeoVideo
            """);

        var task = result.Single<VideoTask>();
        Assert.Equal(Emulator.BaseUri, task.BaseUri);
    }

    [Fact]
    public void A_folder_or_a_url_given_as_an_image_is_a_precise_error_for_that_item()
    {
        var result = Run("""
            New-VeoVideo 'x' -Image $folder -ErrorAction SilentlyContinue -ErrorVariable first
            New-VeoVideo 'y' -Image https://example.com/a.png -ErrorAction SilentlyContinue -ErrorVariable second
            'still running'
            $first; $second
            """, ("folder", Home.Folder));

        Assert.Contains("still running", result.Text);
        var errors = result.Objects<System.Management.Automation.ErrorRecord>();
        Assert.Contains(errors, e => e.Exception.Message.Contains("is a folder", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Exception.Message.Contains("not a URL", StringComparison.Ordinal));
        Assert.Equal(0, CreateCalls);
    }

    [Fact]
    public void A_folder_that_cannot_be_made_is_named_and_not_retried()
    {
        var result = Run("""
            $done = 'a' | New-VeoVideo | Wait-VeoVideo
            New-Item -ItemType File (Join-Path $dir 'blocker') | Out-Null
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $done | Save-VeoVideo (Join-Path $dir 'blocker/sub/x.mp4') -ErrorAction SilentlyContinue -ErrorVariable failed
            $clock.Elapsed.TotalSeconds
            $failed
            """, ("dir", Home.Folder));

        var error = Assert.Single(result.Objects<System.Management.Automation.ErrorRecord>());
        Assert.Contains("cannot be created", error.Exception.Message);
        Assert.True(result.Objects<double>().Single() < 3, "a local path error was retried");
    }
}
