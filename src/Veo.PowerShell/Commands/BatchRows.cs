using Veo.Core.Batches;
using Veo.Core.Providers;
using Veo.Core.Requests;
using Veo.Core.Tasks;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>One input row of New-VeoVideo: its 1-based number and prompt, as messages name it.</summary>
internal readonly record struct InputRow(int Number, string Prompt)
{
    /// <summary>Row 17 ('A fox in the snow'), the prompt shortened: how every message about the row begins.</summary>
    public string Name => $"Row {Number} ('{(Prompt.Length <= 60 ? Prompt : Prompt.Substring(0, 57) + "...")}')";
}

/// <summary>
/// The rows of one New-VeoVideo call: numbers them, gives each its identity (key and ordinal among identical rows) and,
/// with -Batch, says what the journal already holds for it: a task to pass on, or a create whose outcome is unknown,
/// settled from the route's task list where there is one and held otherwise.
/// </summary>
internal sealed class BatchRows
{
    private readonly TaskJournal _journal;
    private readonly string? _batch;
    private readonly bool _force;
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly BatchLedger? _ledger;
    private readonly CreateReconciler _reconciler;
    private int _count;

    public BatchRows(TaskJournal journal, string? batch, bool force)
    {
        _journal = journal;
        _batch = batch;
        _force = force;
        _ledger = batch is null ? null : BatchLedger.Read(journal, batch);
        _reconciler = new CreateReconciler(journal);
    }

    /// <summary>Rows that already had a task, rows held, rows settled from a list: for the summary at the end.</summary>
    public int Existing { get; private set; }
    public int Held { get; private set; }

    public InputRow Next(string prompt) => new(++_count, prompt ?? "");

    public RowIdentity Identify(InputRow row, PreparedRequest prepared)
    {
        var key = RowKeys.Of(prepared);
        _ordinals[key] = _ordinals.TryGetValue(key, out var seen) ? seen + 1 : 1;
        return new RowIdentity { Batch = _batch, Row = row.Number, RowKey = key, RowOrdinal = _ordinals[key] };
    }

    /// <summary>What stands in for a create: the row's task, or a warning that the row is held.</summary>
    public sealed record Settled(VideoTask? Task, string? Warning);

    /// <summary>
    /// Null when the row is to be created (no batch, -Force, or nothing of it in the journal); otherwise its task or
    /// why it is held. Asks the route's task list (a free read) about a create whose outcome is unknown.
    /// </summary>
    public Settled? Settle(InputRow row, RowIdentity identity, Func<IVideoProvider> provider, IEngineLog log, CancellationToken cancellationToken)
    {
        if (_ledger is null || _force) return null;
        var standing = _ledger.For(identity.RowKey, identity.RowOrdinal);
        if (standing.Task is { } task) return Pass(row, task, log, "");
        var held = new List<JournalEntry>();
        foreach (var uncertain in standing.Uncertain)
        {
            var (verdict, found) = _reconciler.SettleAsync(provider(), uncertain, _ledger.EarliestUncertain, cancellationToken).GetAwaiter().GetResult();
            if (verdict == CreateReconciler.Verdict.Made) return Pass(row, found!, log, ", found on the route's task list,");
            if (verdict == CreateReconciler.Verdict.Unknown) held.Add(uncertain);
            else log.Verbose($"{row.Name}: the create sent at {uncertain.At:u} is not on the route's task list, so it made nothing; sending the row again.");
        }
        if (held.Count == 0) return null;
        Held++;
        var first = held[0];
        return new Settled(null, $"{row.Name} of batch '{_batch}' is held: a create of it was sent at {first.At:u} on {first.Route} and its answer was lost " +
            $"(attempt {first.Attempt}), so a task may exist and be billed. Look for it in the provider's console, then run " +
            $"'Confirm-VeoCreate -Attempt {first.Attempt} -Id <task id>' to take that task for the row, or " +
            $"'Confirm-VeoCreate -Attempt {first.Attempt} -NotCreated' to let the next run send it." +
            (DateTimeOffset.UtcNow - first.At < CreateReconciler.SettleTime ? " (It was sent moments ago: running the command again shortly may settle it from the route's task list.)" : ""));
    }

    private Settled Pass(InputRow row, VideoTask task, IEngineLog log, string how)
    {
        Existing++;
        log.Verbose($"{row.Name} of batch '{_batch}' has task {task.Id}{how} ({task.Status}): passed on, not created again.");
        return new Settled(task with { Row = row.Number }, null);
    }
}
