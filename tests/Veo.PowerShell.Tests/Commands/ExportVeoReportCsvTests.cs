using System.Globalization;
using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.Emulator;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>
/// Export-VeoReport -Path report.csv (issue 28 item 2): the page's rows as a spreadsheet that Import-Csv reads back the
/// same in any culture, times in ISO 8601 and numbers with a point.
/// </summary>
public class ExportVeoReportCsvTests : PowerShellTest
{
    /// <summary>Runs <paramref name="script"/> in a German console, where Export-Csv writes 06.12.2026 and 0,3.</summary>
    private ScriptResult RunGerman(string script) => Run($$"""
        $culture = [cultureinfo]::CurrentCulture
        try { [cultureinfo]::CurrentCulture = 'de-DE'; {{script}} }
        finally { [cultureinfo]::CurrentCulture = $culture }
        """);

    private static string Field(PSObject row, string column) => row.Properties[column].Value?.ToString() ?? "";

    [Fact]
    public void Saved_videos_read_back_from_Import_Csv_with_the_same_instants_numbers_and_paths_in_a_German_culture()
    {
        var files = Run("$files = 'a fox', 'a harbour' | New-VeoVideo | Wait-VeoVideo | Save-VeoVideo -Path videos; $files").Objects<VideoFile>();

        var written = RunGerman("$files | Export-VeoReport -Path reports/report.csv");
        Assert.Empty(written.Errors);
        Assert.Equal(Home.PathOf("reports/report.csv"), written.Single<FileInfo>().FullName);

        // Import-Csv and the parse in German too: the text must not depend on the culture that reads it.
        var rows = RunGerman("Import-Csv reports/report.csv").Output;
        Assert.Equal(2, rows.Count);
        foreach (var file in files)
        {
            var row = Assert.Single(rows, r => Field(r, "Id") == file.TaskId);
            var createdAt = Run("[DateTimeOffset]::Parse($t, [cultureinfo]::InvariantCulture)", ("t", Field(row, "CreatedAt"))).Single<DateTimeOffset>();
            Assert.Equal(file.CreatedAt, createdAt);
            Assert.Equal(TimeSpan.Zero, createdAt.Offset);
            Assert.Equal(file.CompletedAt, DateTimeOffset.Parse(Field(row, "CompletedAt"), CultureInfo.InvariantCulture));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$", Field(row, "CreatedAt"));
            Assert.Equal(file.Cost, decimal.Parse(Field(row, "Cost"), NumberStyles.Number, CultureInfo.InvariantCulture));
            Assert.Equal(file.Duration, double.Parse(Field(row, "Duration"), CultureInfo.InvariantCulture), 3);
            Assert.Equal("Completed", Field(row, "Status"));
            Assert.Equal("saved", Field(row, "State"));
            Assert.Equal(file.Resolution, Field(row, "Resolution"));
            Assert.Equal(file.HasAudio.ToString(), Field(row, "HasAudio"));
            // Relative to the CSV, as the page links it: ../videos/<name>.mp4 from reports/.
            Assert.Equal(Path.Combine("..", "videos", file.Name), Field(row, "Path"));
            Assert.True(File.Exists(Path.Combine(Home.PathOf("reports"), Field(row, "Path"))));
        }
        Assert.StartsWith("\uFEFFId,Route,Model,Prompt,", File.ReadAllText(Home.PathOf("reports/report.csv"), new System.Text.UTF8Encoding(false)));
    }

    [Fact]
    public void A_prompt_with_commas_quotes_and_lines_round_trips_and_a_formula_is_written_as_text()
    {
        const string awkward = "A fox, \"quoted\";\nthen a second line, très bien 猫";
        const string formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        Emulator.Faults.Add(new Fault(FaultKind.FailTask) { ErrorMessage = "Refused, \"unsafe\"\r\nprompt." });
        Run("$prompts | New-VeoVideo | Wait-VeoVideo -ErrorAction SilentlyContinue | Save-VeoVideo -Path videos | Out-Null",
            ("prompts", new[] { awkward, formula }));

        Assert.Empty(Run("Export-VeoReport -Path report.csv").Errors);

        var rows = Run("Import-Csv report.csv").Output;
        Assert.Equal(2, rows.Count);
        var failed = Assert.Single(rows, r => Field(r, "State") == "failed");
        var saved = Assert.Single(rows, r => Field(r, "State") == "saved");
        Assert.Equal("Failed", Field(failed, "Status"));
        Assert.Contains("Refused, \"unsafe\"\r\nprompt.", Field(failed, "Error"));
        Assert.Equal("", Field(failed, "Path"));
        // The fault fails the first task to render; whichever it was, each prompt comes back as it was given, the
        // formula behind a single quote that makes a spreadsheet show it as text (OWASP's advice).
        var prompts = rows.Select(r => Field(r, "Prompt")).ToList();
        Assert.Contains(awkward, prompts);
        Assert.Contains("'" + formula, prompts);
        Assert.DoesNotContain(prompts, p => p.StartsWith('='));
        Assert.NotEqual("", Field(saved, "Path"));
    }

    [Fact]
    public void Another_extension_is_an_error_naming_what_works_before_anything_upstream_runs_or_is_written()
    {
        var result = Run("'a fox' | New-VeoVideo | Export-VeoReport -Path report.txt");

        var error = result.Terminating?.ErrorRecord ?? Assert.Single(result.Errors);
        Assert.Equal("InvalidArgument,Veo.PowerShell.Commands.ExportVeoReportCommand", error.FullyQualifiedErrorId);
        Assert.Contains(".html", error.Exception.Message);
        Assert.Contains(".csv", error.Exception.Message);
        Assert.Contains("report.txt", error.Exception.Message);
        Assert.Equal(0, CreateCalls);
        Assert.Empty(Directory.GetFiles(Home.Folder, "report*"));
    }

    [Fact]
    public void WhatIf_writes_no_csv_and_an_htm_path_is_still_the_page()
    {
        Run("'one' | New-VeoVideo | Wait-VeoVideo | Out-Null");

        Assert.Empty(Run("Export-VeoReport report.csv -WhatIf").Output);
        Assert.False(File.Exists(Home.PathOf("report.csv")));
        Assert.Empty(Run("Export-VeoReport report.HTM").Errors);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Home.PathOf("report.HTM")));
    }
}
