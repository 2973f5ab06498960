using System.Diagnostics;
using System.Text.Json.Nodes;
using Veo.Core.Reports;
using Veo.Core.Tasks;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Report;

/// <summary>
/// Export-VeoReport's page in a real browser (issue 28 item 5): headless Chromium opens a report of emulator videos as a
/// person opens the file. Without Chromium the tests are skipped, loudly, except in CI (CI set, as .ci/run sets it, which
/// installs Debian's chromium), where a missing browser fails them.
/// </summary>
public class ReportBrowserTests : PowerShellTest
{
    private const string Markup = "<script>window.injected = 1</script><b>bold</b> & 'quoted' \"text\"";

    private static string Chromium()
    {
        var found = HeadlessChromium.Find();
        if (found is not null) return found;
        const string missing = "Chromium is not installed (apt-get install chromium): the report's browser tests cannot run.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail(missing + " CI must have it (.ci/run installs it).");
        Skip.If(true, "SKIPPED: " + missing);
        return "";
    }

    [SkippableFact]
    public async Task Every_video_of_a_report_plays_in_place_with_its_saved_duration_and_a_prompt_s_markup_is_text()
    {
        var chromium = Chromium();
        var made = Run("""
            $rows = @(
                [pscustomobject]@{ Prompt = 'A lighthouse at dusk'; Duration = 4 }
                [pscustomobject]@{ Prompt = 'A paper boat in the rain'; Duration = 6 }
                [pscustomobject]@{ Prompt = $markup; Duration = 8 }
            )
            $rows | New-VeoVideo | Wait-VeoVideo | Save-VeoVideo -Path videos | Export-VeoReport -Path report.html
            """, ("markup", Markup));
        Assert.Empty(made.Errors);
        var report = made.Single<FileInfo>().FullName;

        await using var browser = await HeadlessChromium.StartAsync(chromium);
        await browser.OpenAsync(report);
        var videos = (await browser.EvaluateAsync("""
            (async () => {
              const seen = [];
              for (const v of document.querySelectorAll('video')) {
                v.scrollIntoView();
                if (v.readyState < 1) await new Promise((done, fail) => {
                  v.addEventListener('loadedmetadata', done, { once: true });
                  v.addEventListener('error', () => fail(new Error('cannot load ' + v.currentSrc + ': ' + (v.error && v.error.message))), { once: true });
                  setTimeout(() => fail(new Error('no metadata in 30 s: ' + v.currentSrc)), 30000);
                });
                seen.push({ src: v.getAttribute('src'), duration: v.duration, saved: parseFloat(v.dataset.duration), width: v.videoWidth });
              }
              window.scrollTo(0, 0);
              return seen;
            })()
            """))!.AsArray();

        Assert.Equal(3, videos.Count);
        foreach (var video in videos)
        {
            Assert.StartsWith("videos/", (string)video!["src"]!);
            Assert.Equal((double)video["saved"]!, (double)video["duration"]!, 0.05);
            Assert.Equal(1280, (int)video["width"]!);
        }
        Assert.Equal(new[] { 4.0, 6.0, 8.0 }, videos.Select(v => Math.Round((double)v!["saved"]!)).Order());

        var prompts = (await browser.EvaluateAsync("[...document.querySelectorAll('.prompt')].map(p => p.textContent)"))!.AsArray().Select(p => (string)p!).ToList();
        Assert.Contains(Markup, prompts);
        Assert.Equal(0, (int)(await browser.EvaluateAsync("document.querySelectorAll('.prompt b, .prompt script').length"))!);
        Assert.Equal("undefined", (string)(await browser.EvaluateAsync("typeof window.injected"))!);
        Assert.Contains("3 videos", (string)(await browser.EvaluateAsync("document.getElementById('totals').textContent"))!);

        // Looked at by a person once (the file is kept beside the test binaries); asserted here not to be blank.
        await Task.Delay(500);
        var png = await browser.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "report-screenshot.png"), png);
        var pixels = PngPixels.Read(png);
        Assert.True(pixels.Drawn > 0.2 && pixels.DistinctColors > 50, $"The screenshot looks blank: {pixels.Drawn:P0} drawn, {pixels.DistinctColors} colours.");
    }

    [SkippableFact]
    public async Task A_page_of_a_thousand_videos_opens_quickly_and_fetches_only_the_ones_near_the_screen()
    {
        var chromium = Chromium();
        var saved = Run("'one clip' | New-VeoVideo | Wait-VeoVideo | Save-VeoVideo -Path videos").Single<VideoFile>();
        var entries = Enumerable.Range(1, 1000).Select(i => ReportEntry.Of(saved with { TaskId = $"task-{i}", Prompt = $"Prompt {i}", Row = i })).ToList();
        var page = Path.Combine(Home.Folder, "thousand.html");
        HtmlReport.Write(page, entries, "A thousand", DateTimeOffset.Now);

        await using var browser = await HeadlessChromium.StartAsync(chromium);
        var clock = Stopwatch.StartNew();
        await browser.OpenAsync(page);
        var opened = clock.Elapsed;
        await Task.Delay(1000);
        var state = (await browser.EvaluateAsync("""
            ({ videos: document.querySelectorAll('video').length,
               asked: [...document.querySelectorAll('video')].filter(v => v.preload !== 'none').length,
               loaded: [...document.querySelectorAll('video')].filter(v => v.readyState > 0).length })
            """))!;

        Assert.Equal(1000, (int)state["videos"]!);
        Assert.True(opened < TimeSpan.FromSeconds(10), $"The page took {opened.TotalSeconds:0.0} s to open.");
        // Only the rows within a screen of the viewport ask for anything: a handful, not a thousand.
        Assert.InRange((int)state["asked"]!, 1, 40);
        Assert.InRange((int)state["loaded"]!, 0, 40);
    }
}
