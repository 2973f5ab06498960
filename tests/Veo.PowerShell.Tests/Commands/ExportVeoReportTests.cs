using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>Export-VeoReport as a user runs it (the page itself is checked in a browser by Report/ReportBrowserTests).</summary>
public class ExportVeoReportTests : PowerShellTest
{
    private string Page => File.ReadAllText(Path.Combine(Home.Folder, "report.html"));

    [Fact]
    public void Get_VeoVideo_s_tasks_make_a_page_with_the_saved_video_and_the_failure_reason()
    {
        Run("New-VeoVideo 'a saved one' | Wait-VeoVideo | Save-VeoVideo -Path videos | Out-Null");
        Emulator.Faults.Add(new Fault(FaultKind.FailTask) { ErrorMessage = "Refused: <b>unsafe</b> prompt." });
        Run("New-VeoVideo 'a failed one' | Wait-VeoVideo -ErrorAction SilentlyContinue");

        var result = Run("Get-VeoVideo | Export-VeoReport -Path report.html");

        Assert.Empty(result.Errors);
        Assert.Equal(Path.Combine(Home.Folder, "report.html"), result.Single<FileInfo>().FullName);
        Assert.Contains("2 videos · 1 saved · 1 failed · 0 uncertain · <strong>$0.60 spent</strong>", Page);
        Assert.Matches("<video controls preload=\"none\" src=\"videos/[^\"]+\\.mp4\" data-duration=\"8(\\.\\d+)?\">", Page);
        Assert.Contains("Refused: &lt;b&gt;unsafe&lt;/b&gt; prompt.", Page);
    }

    [Fact]
    public void With_nothing_piped_in_the_journal_is_the_report_and_WhatIf_writes_nothing()
    {
        Run("'one', 'two' | New-VeoVideo | Wait-VeoVideo | Out-Null");

        Assert.Empty(Run("Export-VeoReport report.html -WhatIf").Output);
        Assert.False(File.Exists(Path.Combine(Home.Folder, "report.html")));
        Assert.Empty(Run("Export-VeoReport report.html -Since (Get-Date).AddMinutes(-5) -Title 'Just now'").Errors);
        Assert.Contains("<h1>Just now</h1>", Page);
        Assert.Contains("2 videos · 0 saved", Page);
        Assert.Empty(Run("Export-VeoReport report.html -Batch nightly").Errors);
        Assert.Contains("0 videos", Page);
        // A pipeline that brings nothing is an empty report, not the whole journal.
        Assert.Empty(Run("Get-VeoVideo -State Failed | Export-VeoReport report.html").Errors);
        Assert.Contains("0 videos", Page);
    }

    [Fact]
    public void Anything_but_a_video_or_a_task_is_an_error_for_that_item()
    {
        var result = Run("'a prompt', (Get-Item .) | Export-VeoReport -Path report.html");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("not a String", result.Errors[0].Exception.Message);
        Assert.Contains("0 videos", Page);
    }
}

/// <summary>An emulator that renders at once answers a failing task's create as failed already: no status line follows.</summary>
public class ExportVeoReportInstantFailureTests : PowerShellTest
{
    protected override EmulatorOptions EmulatorOptions => new() { ApiKey = TestHome.Key, QueueTime = TimeSpan.Zero, RenderTime = TimeSpan.Zero };

    [Fact]
    public void A_task_answered_as_failed_at_its_create_keeps_its_reason_in_the_journal_and_on_the_page()
    {
        Emulator.Faults.Add(new Fault(FaultKind.FailTask) { ErrorMessage = "Refused at once." });
        var created = Run("New-VeoVideo 'refused at once'").Output.Single();
        Assert.Equal("Failed", created.Properties["Status"].Value.ToString());
        var reason = Assert.IsType<string>(created.Properties["Error"].Value);

        // Read back from the journal (no status line follows a create answered as failed), and shown on the page.
        Assert.Equal(reason, Run("(Get-VeoVideo).Error").Text);
        Run("Export-VeoReport report.html");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), File.ReadAllText(Path.Combine(Home.Folder, "report.html")));
    }
}
