using System.Globalization;
using System.Net;
using System.Text;
using Veo.Core.Pricing;

namespace Veo.Core.Reports;

/// <summary>
/// A batch's review page: one self-contained HTML file (its style and script inline, nothing fetched from a network)
/// that plays each saved video in place through a relative link, beside its prompt, route, model, cost, measured
/// duration and resolution, and status or failure reason; totals at the top and filters for failed and uncertain rows.
/// Videos load lazily (preload="none"; metadata is asked for only as a video comes near the screen), so a page of
/// 1,000 videos opens as fast as one of ten. Every text from a prompt, a server or a path is HTML-escaped: a prompt
/// is user data, and a &lt;script&gt; in it is shown, never run.
/// </summary>
public static class HtmlReport
{
    /// <summary>Writes the page to <paramref name="path"/> (replacing it whole: a reader never sees half a page).</summary>
    public static void Write(string path, IReadOnlyList<ReportEntry> entries, string title, DateTimeOffset made)
    {
        var page = Render(entries, Path.GetDirectoryName(Path.GetFullPath(path))!, title, made);
        ReportFile.Replace(path, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(page);
            stream.Write(bytes, 0, bytes.Length);
        });
    }

    /// <summary>The page's text, its video links relative to <paramref name="pageFolder"/>.</summary>
    public static string Render(IReadOnlyList<ReportEntry> entries, string pageFolder, string title, DateTimeOffset made)
    {
        var page = new StringBuilder(4096 + entries.Count * 1024);
        var totals = ReportTotals.Of(entries);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<title>").Append(Text(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<header>\n<h1>")
            .Append(Text(title)).Append("</h1>\n<p class=\"totals\" id=\"totals\">");
        Totals(page, totals);
        page.Append("</p>\n<p class=\"made\">Made ").Append(Text(made.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)))
            .Append(" by Export-VeoReport.</p>\n<nav id=\"filters\">")
            .Append(Filter("all", $"All ({totals.Count})", true)).Append(Filter("failed", $"Failed ({totals.Failed})", false))
            .Append(Filter("uncertain", $"Uncertain ({totals.Uncertain})", false)).Append("</nav>\n</header>\n<main id=\"rows\">\n");
        foreach (var entry in entries) Row(page, entry, pageFolder);
        page.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>
    /// Nothing but this file and the videos beside it: no script, style or font from anywhere else, and no script but
    /// the page's own (allowed by its hash), so even a prompt that escaped its escaping could not run.
    /// </summary>
    private static readonly string ContentSecurityPolicy =
        "default-src 'none'; media-src 'self' file: blob:; style-src 'unsafe-inline'; script-src 'sha256-" + Sha256(Script) + "'";

    private static string Sha256(string text)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

    private static void Totals(StringBuilder page, ReportTotals totals)
    {
        page.Append(Count(totals.Count, "video")).Append(" · ").Append(totals.Saved.ToString(CultureInfo.InvariantCulture)).Append(" saved · ")
            .Append(totals.Failed.ToString(CultureInfo.InvariantCulture)).Append(" failed · ")
            .Append(totals.Uncertain.ToString(CultureInfo.InvariantCulture)).Append(" uncertain · <strong>")
            .Append(Text(SpendingGuard.Money(totals.Spent))).Append(" spent</strong>");
        if (totals.MayHaveBeenBilled > 0) page.Append(" · ").Append(Text(SpendingGuard.Money(totals.MayHaveBeenBilled))).Append(" may have been billed");
        page.Append(" · ").Append(totals.Seconds.ToString("0.#", CultureInfo.InvariantCulture)).Append(" s of video");
    }

    private static string Filter(string value, string label, bool isChecked) =>
        $"<label><input type=\"radio\" name=\"show\" value=\"{value}\"{(isChecked ? " checked" : "")}> {Text(label)}</label>";

    private static void Row(StringBuilder page, ReportEntry entry, string pageFolder)
    {
        page.Append("<article class=\"").Append(entry.State).Append("\" data-state=\"").Append(entry.State)
            .Append("\" data-task=\"").Append(Text(entry.TaskId)).Append("\">\n");
        if (entry.Path is not null)
        {
            page.Append("<video controls preload=\"none\" src=\"").Append(Text(RelativeLink.From(pageFolder, entry.Path))).Append('"');
            if (entry.Duration is { } seconds) page.Append(" data-duration=\"").Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('"');
            page.Append("></video>\n");
        }
        else
        {
            page.Append("<div class=\"novideo\">").Append(entry.Uncertain ? "no id: outcome unknown" : entry.Failed ? "no video: failed" : "not saved").Append("</div>\n");
        }
        page.Append("<div class=\"facts\">\n<p class=\"prompt\">").Append(Text(entry.Prompt ?? "")).Append("</p>\n");
        if (entry.Error is not null) page.Append("<p class=\"error\">").Append(Text(entry.Error)).Append("</p>\n");
        page.Append("<dl>");
        Fact(page, "Status", entry.State);
        Fact(page, "Task", entry.TaskId.Length > 0 ? entry.TaskId : "(none)");
        Fact(page, "Route", entry.Route);
        Fact(page, "Model", entry.Model);
        Fact(page, "Cost", entry.Cost is { } cost ? SpendingGuard.Money(cost) + (entry.Uncertain ? " (may have been billed)" : "") : "unknown");
        if (entry.Duration is { } duration) Fact(page, "Duration", duration.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        if (entry.Width is { } width && entry.Height is { } height) Fact(page, "Resolution", $"{width}x{height}");
        if (entry.HasAudio is { } audio) Fact(page, "Audio", audio ? "yes" : "no");
        if (entry.Batch is not null) Fact(page, "Batch", entry.Batch);
        if (entry.Row is { } row) Fact(page, "Row", row.ToString(CultureInfo.InvariantCulture));
        if (entry.CreatedAt is { } at) Fact(page, "Created", at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        page.Append("</dl>\n</div>\n</article>\n");
    }

    private static void Fact(StringBuilder page, string name, string value) =>
        page.Append("<dt>").Append(name).Append("</dt><dd>").Append(Text(value)).Append("</dd>");

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    /// <summary>Escapes &lt; &gt; &amp; " and ', so a text is shown as text in an element and in a quoted attribute alike.</summary>
    private static string Text(string value) => WebUtility.HtmlEncode(value);

    private const string Style = """

        :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
        body { margin: 0; background: #f4f4f5; color: #18181b; }
        header { position: sticky; top: 0; z-index: 1; background: #18181b; color: #fafafa; padding: 12px 20px; }
        h1 { margin: 0 0 4px; font-size: 20px; }
        .totals { margin: 0; font-size: 15px; }
        .made { margin: 2px 0 6px; font-size: 12px; opacity: .7; }
        nav label { margin-right: 14px; font-size: 14px; cursor: pointer; }
        main { padding: 12px 20px; }
        article { display: grid; grid-template-columns: 384px 1fr; gap: 16px; background: #fff; border-left: 6px solid #16a34a;
                  border-radius: 6px; padding: 12px; margin-bottom: 12px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
        article.failed { border-left-color: #dc2626; }
        article.uncertain { border-left-color: #d97706; }
        article.queued, article.inprogress, article.completed { border-left-color: #2563eb; }
        video, .novideo { width: 384px; aspect-ratio: 16 / 9; background: #27272a; border-radius: 4px; }
        .novideo { display: flex; align-items: center; justify-content: center; color: #a1a1aa; font-size: 14px; }
        .prompt { margin: 0 0 8px; font-size: 16px; white-space: pre-wrap; overflow-wrap: anywhere; }
        .error { margin: 0 0 8px; padding: 6px 8px; background: #fef2f2; color: #991b1b; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: 13px; }
        dt { color: #71717a; } dd { margin: 0; overflow-wrap: anywhere; }
        body.show-failed article:not(.failed), body.show-uncertain article:not(.uncertain) { display: none; }

        """;

    // Lazy loading: a video asks for its metadata (and so shows its first frame and length) only when it comes within a
    // screen of the viewport; the rest stay at preload="none" and cost nothing. Filters hide rows by a class on <body>.
    private const string Script = """

        (function () {
          var videos = document.querySelectorAll('video[preload="none"]');
          function wake(video) { if (video.preload === 'none') { video.preload = 'metadata'; video.load(); } }
          if ('IntersectionObserver' in window) {
            var observer = new IntersectionObserver(function (seen) {
              seen.forEach(function (e) { if (e.isIntersecting) { observer.unobserve(e.target); wake(e.target); } });
            }, { rootMargin: '100% 0px' });
            videos.forEach(function (v) { observer.observe(v); });
          } else {
            videos.forEach(wake);
          }
          document.querySelectorAll('#filters input').forEach(function (input) {
            input.addEventListener('change', function () {
              document.body.className = input.value === 'all' ? '' : 'show-' + input.value;
            });
          });
        })();

        """;
}
