using System.Text.RegularExpressions;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

/// <summary>
/// What ConvertTo-Json and Export-Csv write of Veo's objects (issue 28 items 1-2): names for enums, seconds for
/// durations, ISO 8601 for times in JSON, and a saved file that carries its task's story, so the CSV is the batch report.
/// </summary>
public class ObjectSerializationTests : PowerShellTest
{
    /// <summary>The rows of ConvertTo-Csv as dictionaries (Import-Csv's reading of the text).</summary>
    private IReadOnlyList<IDictionary<string, string>> Csv(string script) =>
        Run(script + " | ConvertTo-Csv | ConvertFrom-Csv").Output
            .Select(o => (IDictionary<string, string>)o.Properties.ToDictionary(p => p.Name, p => p.Value?.ToString() ?? "")).ToList();

    [Fact]
    public void A_task_in_json_names_its_status_and_writes_its_times_in_iso_8601()
    {
        var json = Run("New-VeoVideo 'a fox' | Wait-VeoVideo | ConvertTo-Json -Compress").Text;

        Assert.Contains("\"Status\":\"Completed\"", json);
        Assert.Matches("\"CreatedAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)\"", json);
        Assert.Matches("\"CompletedAt\":\"\\d{4}-\\d\\d-\\d\\dT", json);
        // The request nested in it names its mode too.
        Assert.Contains("\"Mode\":\"TextToVideo\"", Run("New-VeoVideo 'a fox' | Select-Object -ExpandProperty Request | ConvertTo-Json -Compress").Text);
    }

    [Fact]
    public void A_task_in_csv_names_its_status()
    {
        var row = Assert.Single(Csv("New-VeoVideo 'a fox' | Wait-VeoVideo"));
        Assert.Equal("Completed", row["Status"]);
        Assert.Equal("0.30", row["EstimatedCost"]);
    }

    [Fact]
    public void A_saved_file_has_its_duration_in_seconds_and_its_task_s_story_in_json()
    {
        var json = Run("New-VeoVideo 'a paper boat' -Model Standard | Wait-VeoVideo | Save-VeoVideo -Path videos | ConvertTo-Json -Compress").Text;

        Assert.Matches("\"Duration\":8(\\.0+)?[,}]", json);
        Assert.Contains("\"Cost\":1.20", json);
        Assert.Contains("\"Route\":\"LaoZhang\"", json);
        Assert.Contains("\"Prompt\":\"a paper boat\"", json);
        Assert.Matches("\"TaskId\":\"[^\"]+\"", json);
        Assert.Contains("\"Resolution\":\"1280x720\"", json);
        Assert.Contains("\"HasAudio\":true", json);
    }

    [Fact]
    public void Save_VeoVideo_into_Export_Csv_is_the_batch_report()
    {
        var rows = Csv("'a lighthouse', 'a fox' | New-VeoVideo | Wait-VeoVideo | Save-VeoVideo -Path videos | Sort-Object Prompt");

        Assert.Equal(2, rows.Count);
        var fox = rows[0];
        Assert.Equal("a fox", fox["Prompt"]);
        Assert.Equal("8", fox["Duration"]);
        Assert.Equal("0.30", fox["Cost"]);
        Assert.Equal("LaoZhang", fox["Route"]);
        Assert.Equal("1280x720", fox["Resolution"]);
        Assert.Equal("True", fox["HasAudio"]);
        Assert.True(File.Exists(fox["Path"]));
        Assert.Equal(Path.GetFileNameWithoutExtension(fox["Path"]), fox["TaskId"]);
        Assert.False(string.IsNullOrEmpty(fox["Model"]));
        // The row identity is there for a batch (empty without -Batch), beside the file's own facts.
        Assert.Contains("Batch", fox.Keys);
        Assert.Contains("Row", fox.Keys);
    }

    [Fact]
    public void A_price_quote_names_its_billing_in_json_and_csv()
    {
        Assert.Contains("\"Billing\":\"PerCall\"", Run("Get-VeoPrice -Route LaoZhang -Model Fast | Select-Object -First 1 | ConvertTo-Json -Compress").Text);
        Assert.Equal("PerSecond", Csv("Get-VeoPrice -Route Vertex -Model Fast | Select-Object -First 1")[0]["Billing"]);
    }

    [Fact]
    public void A_route_names_its_dialect_and_the_emulator_its_times_in_seconds()
    {
        Assert.Contains("\"Dialect\":\"OpenAIVideos\"", Run("Get-VeoRoute LaoZhang | ConvertTo-Json -Compress").Text);
        var emulator = Run("Start-VeoEmulator -RenderSeconds 2 -PassThru | ConvertTo-Json -Compress; Stop-VeoEmulator").Text;
        Assert.Contains("\"RenderSeconds\":2", emulator);
    }

    [Fact]
    public void Get_VeoVideo_shows_each_task_s_saved_path_and_cost()
    {
        var saved = Run("New-VeoVideo 'a saved one' | Wait-VeoVideo | Save-VeoVideo -Path videos").Output.Single().Properties["Path"].Value.ToString()!;
        Run("New-VeoVideo 'not saved yet' | Out-Null");

        var table = Run("Get-VeoVideo | Format-Table | Out-String -Width 300").Text;
        var header = table.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0);
        Assert.Equal(new[] { "Id", "Route", "Model", "Status", "Cost", "Age", "Saved", "Prompt" }, header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var line = table.Split('\n').Single(l => l.Contains("a saved one"));
        Assert.Contains(saved, line);
        Assert.Contains("$0.30", line);

        var tasks = Run("Get-VeoVideo | Sort-Object Prompt | ConvertTo-Csv | ConvertFrom-Csv").Output;
        Assert.Equal(saved, tasks.Single(t => (string)t.Properties["Prompt"].Value == "a saved one").Properties["SavedPath"].Value);
        Assert.Equal("", tasks.Single(t => (string)t.Properties["Prompt"].Value == "not saved yet").Properties["SavedPath"].Value);
        // The journaled task still flows on down the pipeline as a task.
        Assert.Empty(Run("Get-VeoVideo | Where-Object Prompt -eq 'not saved yet' | Wait-VeoVideo | Save-VeoVideo -Path videos").Errors);
    }

    [Fact]
    public void The_table_views_are_as_they_were()
    {
        var file = Run("New-VeoVideo 'a small clip' | Wait-VeoVideo | Save-VeoVideo -Path videos | Format-Table | Out-String -Width 200").Text;
        Assert.Matches(new Regex(@"1280x720\s+8\.0 s\s+True\s+a small clip"), file);
        var task = Run("New-VeoVideo 'a task' | Format-Table | Out-String -Width 200").Text;
        Assert.Matches(new Regex(@"LaoZhang\s+\S+\s+(Queued|InProgress)\s+\d+%\s+\$0\.30"), task);
    }
}
