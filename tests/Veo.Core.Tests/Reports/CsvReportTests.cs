using System.Globalization;
using System.Text;
using Veo.Core.Reports;
using Veo.Core.Tasks;

namespace Veo.Core.Tests.Reports;

/// <summary>The report's rows as CSV (issue 28 item 2): RFC 4180 text that reads the same in every culture.</summary>
public sealed class CsvReportTests
{
    private static readonly DateTimeOffset Berlin = new(2026, 12, 6, 18, 20, 9, 123, TimeSpan.FromHours(1));

    private static string Csv(IReadOnlyList<ReportEntry> entries, string folder)
    {
        using var stream = new MemoryStream();
        CsvReport.Write(stream, entries, folder);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Rows_are_RFC_4180_with_UTC_ISO_8601_times_invariant_numbers_and_formulas_written_as_text()
    {
        if (Path.DirectorySeparatorChar == '\\') return; // Unix paths
        var entries = new[]
        {
            new ReportEntry { TaskId = "t1", Route = "LaoZhang", Model = "m", Prompt = "A fox, \"red\"\nin snow", Status = VideoTaskStatus.Completed,
                Cost = 0.30m, Path = "/r/videos/a b.mp4", Duration = 8.008, Width = 1280, Height = 720, HasAudio = true, Batch = "nightly", Row = 3,
                CreatedAt = Berlin, CompletedAt = Berlin.AddSeconds(61.5) },
            new ReportEntry { TaskId = "t2", Route = "LaoZhang", Model = "m", Prompt = "=1+2", Status = VideoTaskStatus.Failed, Cost = 1.2m,
                Error = "-bad: refused", ErrorCode = "unsafe" },
            ReportEntry.Of(new JournalEntry { At = Berlin, Event = JournalEntry.AmbiguousCreate, Route = "LaoZhang", Model = "m", Cost = 0.4m, Prompt = "@lost", Error = "lost" }),
        };

        var culture = CultureInfo.CurrentCulture;
        string csv;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            csv = Csv(entries, "/r/reports");
        }
        finally { CultureInfo.CurrentCulture = culture; }

        Assert.Equal(
            "\uFEFFId,Route,Model,Prompt,Batch,Row,State,Status,Cost,Path,Duration,Resolution,HasAudio,Error,ErrorCode,CreatedAt,CompletedAt\r\n" +
            "t1,LaoZhang,m,\"A fox, \"\"red\"\"\nin snow\",nightly,3,saved,Completed,0.30,../videos/a b.mp4,8.008,1280x720,True,,," +
            "2026-12-06T17:20:09.1230000+00:00,2026-12-06T17:21:10.6230000+00:00\r\n" +
            "t2,LaoZhang,m,\"'=1+2\",,,failed,Failed,1.2,,,,,\"'-bad: refused\",unsafe,,\r\n" +
            ",LaoZhang,m,\"'@lost\",,,uncertain,,0.4,,,,,lost,,2026-12-06T17:20:09.1230000+00:00,\r\n",
            csv);
    }

    [Fact]
    public void An_id_or_model_a_server_sent_that_reads_as_a_formula_is_written_as_text()
    {
        var entry = new ReportEntry { TaskId = "=HYPERLINK(\"http://x\")", Route = "LaoZhang", Model = "+m", Prompt = "p", Status = VideoTaskStatus.Completed };

        var row = Csv([entry], "/r").Split("\r\n")[1];

        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\",LaoZhang,\"'+m\",p,", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/r/site", "/r/site/videos/a b.mp4", "videos/a b.mp4")]
    [InlineData("/r/site/reports", "/r/site/videos/a#1.mp4", "../videos/a#1.mp4")]
    [InlineData("/r/site", "/r/site/a.mp4", "a.mp4")]
    public void A_file_s_path_is_relative_to_the_CSV_and_not_escaped(string folder, string file, string path)
    {
        if (Path.DirectorySeparatorChar == '\\') return; // Unix paths
        Assert.Equal(path, RelativeLink.PathFrom(folder, file));
    }

    [Theory]
    [InlineData("report.csv", ReportFormat.Csv)]
    [InlineData("Report.CSV", ReportFormat.Csv)]
    [InlineData("report.html", ReportFormat.Html)]
    [InlineData("report.htm", ReportFormat.Html)]
    [InlineData("report.txt", null)]
    [InlineData("report", null)]
    public void The_extension_chooses_the_format(string path, ReportFormat? format) => Assert.Equal(format, ReportFormats.Of(path));
}
