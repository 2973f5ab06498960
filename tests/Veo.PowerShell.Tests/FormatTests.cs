using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests;

/// <summary>What a user sees at the prompt: the format file's views, through Format-Table, Format-List and Out-String.</summary>
public class FormatTests : PowerShellTest
{
    /// <summary>The column headers of the table <paramref name="script"/> prints.</summary>
    private IReadOnlyList<string> TableHeaders(string script)
    {
        var lines = Run(script + " | Format-Table | Out-String -Width 200").Text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count >= 3, "no table: " + string.Join("\n", lines));
        Assert.Matches("^[- ]+$", lines[1]);
        return lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The labels of the list <paramref name="script"/> prints, for its first object.</summary>
    private IReadOnlyList<string> ListLabels(string script) =>
        Run(script + " | Select-Object -First 1 | Format-List | Out-String -Width 200").Text.Split('\n')
            .Where(l => l.Contains(" : ") || l.TrimEnd().EndsWith(" :"))
            .Select(l => l.Split(':')[0].Trim()).ToList();

    [Fact]
    public void Tasks_show_id_route_model_status_progress_cost_age_and_prompt()
    {
        Assert.Equal(new[] { "Id", "Route", "Model", "Status", "Progress", "Cost", "Age", "Prompt" }, TableHeaders("New-VeoVideo p"));
        var row = Run("New-VeoVideo p -Model Standard | Format-Table | Out-String -Width 200").Text;
        Assert.Contains("LaoZhang", row);
        Assert.Contains("$1.20", row);
        Assert.Contains("0%", row);
    }

    [Fact]
    public void Saved_files_show_name_size_resolution_duration_audio_and_prompt()
    {
        Assert.Equal(new[] { "Name", "Size", "Resolution", "Duration", "Audio", "Prompt" }, TableHeaders("New-VeoVideo 'a small clip' | Wait-VeoVideo | Save-VeoVideo"));
        var row = Run("Get-ChildItem *.mp4 | Remove-Item; New-VeoVideo 'a small clip' | Wait-VeoVideo | Save-VeoVideo | Format-Table | Out-String -Width 200").Text;
        Assert.Contains("a small clip", row);
        Assert.Matches(@"\d+ KB|\d+\.\d MB", row);
    }

    [Fact]
    public void Prices_show_route_model_resolution_seconds_count_cost_and_billing()
    {
        Assert.Equal(new[] { "Route", "Model", "Resolution", "Seconds", "Count", "Cost", "Billing" }, TableHeaders("Get-VeoPrice"));
        Assert.Contains("$0.30", Run("Get-VeoPrice -Route LaoZhang -Model Fast -Resolution 4k | Format-Table | Out-String -Width 200").Text);
    }

    [Fact]
    public void Compared_prices_add_how_much_cheaper_or_dearer_each_is()
    {
        const string compared = "Get-VeoPrice -Route LaoZhang -Model Fast -Resolution 4k -Compare Vertex";
        Assert.Equal(new[] { "Route", "Model", "Resolution", "Seconds", "Count", "Cost", "Billing", "Compared" }, TableHeaders(compared));
        // LaoZhang's $0.30 a call against Vertex AI's 8 s of Fast 4K at $0.35/s ($2.80).
        Assert.Contains("-89.3% vs Vertex", Run(compared + " | Format-Table | Out-String -Width 200").Text);
    }

    [Fact]
    public void Routes_show_name_dialect_address_where_the_key_comes_from_the_default_and_the_quota()
    {
        Assert.Equal(new[] { "Name", "Dialect", "BaseUri", "Key", "Default", "Quota" }, TableHeaders("Get-VeoRoute"));
        var table = Run("Get-VeoRoute | Format-Table | Out-String -Width 200").Text;
        Assert.Contains("OpenAIVideos", table);
        Assert.Contains(Emulator.BaseUri.ToString(), table);
        Assert.Contains("10/min, 10 running", table);
    }

    [Fact]
    public void A_task_in_a_list_shows_its_address_prompt_error_row_and_file()
    {
        Assert.Equal(new[] { "Id", "Route", "BaseUri", "Model", "Status", "Progress", "CreatedAt", "CompletedAt", "EstimatedCost", "Prompt", "Error", "ErrorCode", "VideoUrl",
                "Batch", "Row", "SavedPath" },
            ListLabels("New-VeoVideo p"));
    }

    [Fact]
    public void A_file_in_a_list_shows_its_path_size_and_where_it_came_from()
    {
        Assert.Equal(new[] { "Path", "Length", "Width", "Height", "Duration", "HasAudio", "TaskId", "Route", "Model", "Prompt", "Cost", "Batch", "Row" },
            ListLabels("New-VeoVideo p | Wait-VeoVideo | Save-VeoVideo"));
    }

    [Fact]
    public void A_price_in_a_list_shows_its_unit_price_comparison_and_source()
    {
        Assert.Equal(new[] { "Route", "Model", "Billing", "UnitPrice", "Seconds", "Resolution", "Count", "Cost", "Currency", "ComparedTo", "Difference", "PercentDifference", "Source", "AsOf" },
            ListLabels("Get-VeoPrice -Compare Google"));
    }
}
