using Veo.Core.Pricing;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>One figure of money (issue 28 item 3): Get-VeoSpend, Connect-Veo's Spent and -WhatIf's total read one ledger.</summary>
public class SpendTests : PowerShellTest
{
    private TaskJournal Journal => new(Path.Combine(Home.Folder, "journal.jsonl"));

    /// <summary>A create whose answer was lost, as the engine journals it.</summary>
    private void LoseAnAnswer(decimal cost) => Journal.Append(new JournalEntry
    {
        At = DateTimeOffset.UtcNow, Event = JournalEntry.AmbiguousCreate, Attempt = Guid.NewGuid().ToString("N"), Route = "LaoZhang",
        Model = "veo-3.1-fast-generate-preview", Prompt = "lost", Cost = cost, Error = "The connection was reset.",
    });

    [Fact]
    public void Spend_is_summed_by_route_and_model_with_uncertain_creates_apart_and_connect_shows_the_same()
    {
        Assert.Empty(Run("'a', 'b' | New-VeoVideo | Out-Null; New-VeoVideo 'c' -Model Standard | Out-Null").Errors);
        LoseAnAnswer(0.30m);

        var rows = Run("Get-VeoSpend").Objects<SpendRow>();
        var fast = Assert.Single(rows, r => r.Model == "veo-3.1-fast-generate-preview" && !r.Uncertain);
        Assert.Equal((2, 0.60m, "LaoZhang", DateTime.UtcNow.Date), (fast.Count, fast.Cost, fast.Route, fast.Day));
        Assert.Equal((1, 1.20m), rows.Where(r => r.Model != fast.Model && !r.Uncertain).Select(r => (r.Count, r.Cost)).Single());
        var lost = Assert.Single(rows, r => r.Uncertain);
        Assert.Equal((1, 0.30m), (lost.Count, lost.Cost));

        // The total is exact, uncertain creates included.
        Assert.Equal(2.10m, Run("[Linq.Enumerable]::Sum([decimal[]](Get-VeoSpend).Cost)").Output.Single().BaseObject);
        // Connect-Veo's Spent is this session's: the lost answer above was journaled by someone else (no session's id).
        var connection = Run($"Connect-Veo -Route LaoZhang -BaseUri '{Emulator.BaseUri}'").Output.Single();
        Assert.Equal((1.80m, 0m), ((decimal)connection.Properties["Spent"].Value, (decimal)connection.Properties["Uncertain"].Value));
    }

    [Fact]
    public void The_session_cap_counts_what_the_ledger_counts_a_lost_answer_included()
    {
        // The first create is made but its answer lost: the ledger lists it as uncertain, and the cap counts it too.
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.ResetAfterRead, PathContains: "/v1/videos"));
        Run("Connect-Veo -Route LaoZhang -MaxCost 0.70 | Out-Null");

        var batch = Run("'lost', 'made', 'refused' | New-VeoVideo");

        Assert.True(batch.Errors.Count == 2, $"{batch.Output.Count} out, terminating: {batch.Terminating?.Message}; " + string.Join("\n", batch.Errors.Select(e => e.Exception.Message)));
        var refusal = Assert.Single(batch.Errors, e => e.Exception.Message.Contains("spending cap")).Exception.Message;
        Assert.Contains("$0.60 spent so far", refusal);
        var connection = Run($"Connect-Veo -Route LaoZhang -BaseUri '{Emulator.BaseUri}'").Output.Single();
        Assert.Equal(0.60m, (decimal)connection.Properties["Spent"].Value + (decimal)connection.Properties["Uncertain"].Value);
        Assert.Equal(0.30m, connection.Properties["Uncertain"].Value);
        Assert.Contains("$0.30 (+$0.30 uncertain)", Run($"Connect-Veo -Route LaoZhang -BaseUri '{Emulator.BaseUri}' | Out-String -Width 200").Text);
    }

    [Fact]
    public void After_a_faulty_batch_Connect_Veo_s_Spent_is_what_the_cap_counted()
    {
        // Refused for certain (the model is gone: nothing made); made when sent again after a 429; lost; made; refused by the cap.
        Run("Connect-Veo -Route LaoZhang -MaxCost 2.00 | Out-Null");
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.ModelRetired) { Model = "veo-3.1-generate-preview" });
        Assert.Contains("model_not_found", Assert.Single(Run("New-VeoVideo 'refused' -Model Standard | Out-Null").Errors).Exception.Message);
        Emulator.Faults.Clear();
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.RateLimit, PathContains: "/v1/videos") { RetryAfter = TimeSpan.FromSeconds(1) });
        Assert.Empty(Run("New-VeoVideo 'after a 429' | Out-Null").Errors);
        Run("Connect-Veo -Route LaoZhang -MaxCost 1.00 | Out-Null");
        Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.ResetAfterRead, PathContains: "/v1/videos"));

        var batch = Run("'lost', 'made', 'over the cap' | New-VeoVideo");

        var refusal = Assert.Single(batch.Errors, e => e.Exception.Message.Contains("spending cap")).Exception.Message;
        Assert.Contains("$0.90 spent so far", refusal);
        var connection = Run($"Connect-Veo -Route LaoZhang -BaseUri '{Emulator.BaseUri}'").Output.Single();
        Assert.Equal((0.60m, 0.30m), ((decimal)connection.Properties["Spent"].Value, (decimal)connection.Properties["Uncertain"].Value));
    }

    [Fact]
    public void Another_runspace_s_creates_count_against_its_own_session_not_this_one()
    {
        // A second runspace of the process (as ForEach-Object -Parallel makes), sharing VEO_HOME's journal.
        using var other = new VeoShell(Home.Folder);
        var made = other.Run($"""
            Connect-Veo -Route LaoZhang -BaseUri '{Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force) | Out-Null
            'theirs 1', 'theirs 2' | New-VeoVideo
            """);
        Assert.Equal(2, made.Output.Count);

        var connection = Run("Connect-Veo -Route LaoZhang -MaxCost 0.30").Output.Single();
        Assert.Equal(0m, connection.Properties["Spent"].Value);
        Assert.Empty(Run("New-VeoVideo 'mine' | Out-Null").Errors);
        Assert.Contains("$0.30 spent so far", Assert.Single(Run("New-VeoVideo 'one more'").Errors).Exception.Message);
        Assert.Equal(0.60m, other.Run("(Connect-Veo -Route LaoZhang).Spent").Output.Single().BaseObject);
        Assert.Equal(0.90m, Run("[Linq.Enumerable]::Sum([decimal[]](Get-VeoSpend).Cost)").Output.Single().BaseObject);
    }

    [Fact]
    public void Spend_outlives_the_session_and_filters_by_route_and_time()
    {
        Assert.Empty(Run("New-VeoVideo 'a' | Out-Null").Errors);
        using var later = new VeoShell(Home.Folder);

        var rows = later.Run("Get-VeoSpend").Objects<SpendRow>();
        Assert.Equal(0.30m, Assert.Single(rows).Cost);
        Assert.Empty(later.Run("Get-VeoSpend -Route Google").Output);
        Assert.Empty(later.Run("Get-VeoSpend -Since (Get-Date).AddMinutes(5)").Output);
        // A refused create and a -WhatIf spent nothing.
        later.Run("New-VeoVideo 'more' -WhatIf");
        Assert.Equal(0.30m, Assert.Single(later.Run("Get-VeoSpend").Objects<SpendRow>()).Cost);
    }

    [Fact]
    public void WhatIf_ends_with_one_line_of_the_count_and_the_cost()
    {
        var result = Run("'a', 'b', 'c' | New-VeoVideo -WhatIf; 'd', 'e' | New-VeoVideo -Model Standard -WhatIf; New-VeoVideo 'f' -WhatIf");

        Assert.Equal(new[] { "What if: 3 video(s) in all, $0.90.", "What if: 2 video(s) in all, $2.40." },
            result.HostLines.Where(l => l.Contains("in all")).Select(l => l.Trim()));
        // One video's own line already says its cost.
        Assert.StartsWith("What if: Performing the operation", result.HostLines.Last());
        Assert.Equal(0, CreateCalls);
    }

    [Fact]
    public void A_batch_s_prices_sum_to_an_exact_decimal_as_the_readme_says()
    {
        var csv = Path.Combine(Home.Folder, "prompts.csv");
        File.WriteAllLines(csv, new[] { "Prompt,Model" }.Concat(Enumerable.Range(1, 491).Select(i => $"\"p{i}\",{(i % 3 == 0 ? "Standard" : "Fast")}")));

        var total = Run("Import-Csv ./prompts.csv | Get-VeoPrice -Total").Single<PriceTotal>();

        Assert.Equal((491, 163 * 1.20m + 328 * 0.30m, "USD"), (total.Videos, total.Cost, total.Currency));
        Assert.Contains("$294.00", Run("Import-Csv ./prompts.csv | Get-VeoPrice -Total | Out-String").Text);
    }
}
