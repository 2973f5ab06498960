using Veo.Core.Tasks;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>
/// Times in Export-Csv (issue 28 item 2): CreatedAt and CompletedAt stay DateTimeOffset, since Export-Csv writes any
/// value with its ToString() (the culture's date format) and no other type keeps Where-Object, Sort-Object and
/// ConvertTo-Json working; the help's one-liner writes them in ISO 8601.
/// </summary>
public class CsvTimesTests : PowerShellTest
{
    /// <summary>The one-liner of Save-VeoVideo's Example 6, Get-VeoVideo's Example 5 and about_Veo, as the pages write it.</summary>
    private const string IsoTimes =
        "Select-Object * | ForEach-Object { foreach ($p in $_.PSObject.Properties) { if ($p.Value -is [DateTimeOffset]) { $p.Value = $p.Value.ToString('o') } }; $_ }";

    private IReadOnlyList<VideoFile> SaveTwo() =>
        Run("$files = 'a fox', 'a harbour' | New-VeoVideo | Wait-VeoVideo | Save-VeoVideo -Path videos; $files").Objects<VideoFile>();

    [Fact]
    public void The_help_s_one_liner_writes_ISO_8601_times_in_any_culture_and_Import_Csv_reads_them_back()
    {
        var files = SaveTwo();

        // A German console: Export-Csv alone writes 06.12.2026 17:34:12 +00:00.
        Run($$"""
            $culture = [cultureinfo]::CurrentCulture
            try { [cultureinfo]::CurrentCulture = 'de-DE'; $files | Export-Csv plain.csv; $files | {{IsoTimes}} | Export-Csv report.csv }
            finally { [cultureinfo]::CurrentCulture = $culture }
            """);

        var plain = File.ReadAllLines(Home.PathOf("plain.csv"));
        var report = File.ReadAllLines(Home.PathOf("report.csv"));
        Assert.Equal(plain[0], report[0]);
        Assert.Equal(3, report.Length);
        foreach (var file in files)
        {
            var row = Assert.Single(report, l => l.Contains(file.TaskId));
            Assert.Contains($"\"{file.CreatedAt!.Value:o}\"", row);
            Assert.Contains($"\"{file.CompletedAt!.Value:o}\"", row);
            Assert.Contains(file.CreatedAt.Value.ToString("dd.MM.yyyy HH:mm:ss"), Assert.Single(plain, l => l.Contains(file.TaskId)));
        }
        var read = Run("Import-Csv report.csv | ForEach-Object { [DateTimeOffset]$_.CreatedAt }").Output.Select(o => (DateTimeOffset)o.BaseObject);
        Assert.Equal(files.Select(f => f.CreatedAt!.Value).OrderBy(t => t), read.OrderBy(t => t));
    }

    [Fact]
    public void Get_VeoVideo_s_rows_take_the_one_liner_too()
    {
        var files = SaveTwo();

        var rows = Run($"Get-VeoVideo | {IsoTimes} | ConvertTo-Csv").Output.Select(o => o.ToString()!).ToList();

        Assert.Equal(3, rows.Count);
        var task = Run($"Get-VeoVideo -Id {files[0].TaskId}").Single<VideoTask>();
        Assert.Contains($"\"{task.CreatedAt!.Value:o}\",\"{task.CompletedAt!.Value:o}\"", Assert.Single(rows, r => r.Contains(task.Id)));
    }

    [Fact]
    public void Times_stay_times_for_Where_Object_Sort_Object_and_ConvertTo_Json()
    {
        SaveTwo();

        Assert.Equal(2, Run("$files | Where-Object CreatedAt -gt (Get-Date).AddDays(-1)").Output.Count);
        Assert.Empty(Run("$files | Where-Object CreatedAt -lt (Get-Date).AddDays(-1)").Output);
        // PowerShell converts the right operand to the left's type and cannot make a DateTime of a DateTimeOffset: the
        // pages put the time on the left, or cast (Get-Date) as about_Veo says.
        Assert.Equal(2, Run("$files | Where-Object { [DateTimeOffset](Get-Date).AddDays(-1) -lt $_.CreatedAt }").Output.Count);
        // Sorted as times, not as text (the journal's times have fractions of a second, so the two differ).
        var tasks = Run("Get-VeoVideo").Objects<VideoTask>();
        Assert.Equal(tasks.OrderByDescending(t => t.CreatedAt).Select(t => t.Id),
            Run("Get-VeoVideo | Sort-Object CreatedAt -Descending | ForEach-Object Id").Output.Select(o => o.ToString()));
        Assert.Matches(@"""CreatedAt"": ""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", Run("$files[0] | ConvertTo-Json").Text);
    }

    [Theory]
    [InlineData("Save-VeoVideo.md")]
    [InlineData("Get-VeoVideo.md")]
    [InlineData("about_Veo.md")]
    public void The_pages_give_the_one_liner_these_tests_run(string page) =>
        Assert.Contains(IsoTimes, Repository.Page(page));
}
