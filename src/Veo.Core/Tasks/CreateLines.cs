namespace Veo.Core.Tasks;

/// <summary>
/// The journal lines of one create (every attempt of it, a retry after a 429 included), written for one session: the
/// last is what the create cost by the ledger's rule (Pricing.SpendLedger.Counted), which the caps then count.
/// </summary>
internal sealed class CreateLines
{
    private JournalEntry? _last;

    /// <param name="session">The session the lines are written for (JournalEntry.Session), or null.</param>
    public CreateLines(string? session)
    {
        Session = session;
    }

    public string? Session { get; }

    /// <summary>The last line written, once it is in the journal; null while nothing was sent.</summary>
    public JournalEntry? Last => Volatile.Read(ref _last);

    public void Append(TaskJournal journal, JournalEntry line)
    {
        journal.Append(line);
        Volatile.Write(ref _last, line);
    }
}
