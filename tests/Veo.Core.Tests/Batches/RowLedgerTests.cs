using Veo.Core.Batches;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Batches;

/// <summary>The row a create is for travels on every line of the ledger and back onto the task (LEDGER.md).</summary>
public sealed class RowLedgerTests : EmulatorAndHomeTest
{
    private static readonly RowIdentity Row17 = new() { Batch = "nightly", Row = 17, RowKey = new string('a', 64), RowOrdinal = 2 };

    [Fact]
    public async Task A_created_task_carries_its_row_in_the_journal_and_back_from_it()
    {
        var flow = new EngineFlow(Home, Emulator, BuiltInRoutes.LaoZhang);
        var plan = flow.Engine.Plan(new VideoRequest { Prompt = "A fox" }, flow.Provider.Route, PriceBook.Default);

        var task = await flow.Engine.CreateAsync(plan, flow.Provider, new SpendingCaps(), CancellationToken.None, row: Row17);

        Assert.Equal(("nightly", 17, Row17.RowKey, 2), (task.Batch, task.Row, task.RowKey, task.RowOrdinal));
        var lines = Home.Journal.ReadAll();
        Assert.All(lines.Where(l => l.Event is JournalEntry.CreateSent or JournalEntry.Created), l => Assert.Equal(Row17, l.RowIdentity()));
        // A fresh reader (another session's Get-VeoVideo) folds the same row onto the task.
        var read = Assert.Single(new TaskJournal(Home.Journal.Path).Tasks()).Task;
        Assert.Equal(("nightly", 17, Row17.RowKey, 2), (read.Batch, read.Row, read.RowKey, read.RowOrdinal));
    }

    [Fact]
    public void A_refused_or_ambiguous_line_keeps_the_row_and_a_line_without_one_reads_as_none()
    {
        var refused = new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateRefused, Attempt = "a1" }.For(Row17);
        Home.Journal.Append(refused);
        Home.Journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.AmbiguousCreate, Attempt = "a2" });

        var lines = new TaskJournal(Home.Journal.Path).ReadAll();
        Assert.Equal(Row17, lines[0].RowIdentity());
        Assert.Null(lines[1].RowIdentity());
    }
}
