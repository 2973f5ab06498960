using System.Management.Automation;
using Veo.Core.Batches;
using Veo.Core.Tasks;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Settles creates whose outcome was unknown: -Id gives one the task the user found for it in the provider's console
/// (journaled as created, with its row, so a rerun of its batch passes that task on), -NotCreated says it made nothing
/// (a rerun of its batch sends the row again), and neither only marks it as looked at, so Get-VeoVideo stops warning.
/// The journal keeps every line; only lines are added.
/// </summary>
[Cmdlet(VerbsLifecycle.Confirm, "VeoCreate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Base + "Confirm-VeoCreate.md")]
[OutputType(typeof(JournalEntry), typeof(VideoTask))]
public sealed class ConfirmVeoCreateCommand : VeoCmdlet
{
    /// <summary>The attempt ids to mark (from the warning, or the journal's attempt field); all uncertain creates when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[]? Attempt { get; set; }

    /// <summary>The task the create made, found in the provider's console: it becomes the create's task (and its row's).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    /// <summary>The create made nothing: the next run of its batch sends its row again.</summary>
    [Parameter]
    public SwitchParameter NotCreated { get; set; }

    private readonly List<string> _attempts = new();

    protected override void ProcessRecord()
    {
        if (Attempt is not null) _attempts.AddRange(Attempt.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()));
    }

    protected override void EndProcessing()
    {
        try
        {
            var journal = Session.Engine.Journal;
            var uncertain = journal.UncertainCreates();
            foreach (var missing in _attempts.Where(a => uncertain.All(e => e.Attempt != a)))
                Fail(new KeyNotFoundException($"No uncertain create has the attempt id {missing} in {journal.Path}."), missing);
            var chosen = uncertain.Where(e => e.Attempt is not null && (_attempts.Count == 0 || _attempts.Contains(e.Attempt))).ToList();
            if (Id is not null && NotCreated.IsPresent)
                throw new ArgumentException("-Id says the create made that task and -NotCreated says it made nothing: give one of them.");
            if (Id is not null && chosen.Count != 1)
                throw new ArgumentException($"-Id gives one create its task, but {chosen.Count} uncertain creates are selected: name the one with -Attempt (the warning of New-VeoVideo -Batch or Get-VeoVideo gives it).");
            foreach (var entry in chosen)
            {
                var what = Id is not null ? $"Take task {Id} as what the create made" : NotCreated.IsPresent ? "Record that the create made nothing" : "Mark the create as checked";
                if (!ShouldProcess($"'{entry.Prompt}' on {entry.Route} at {entry.At:u}" + (entry.Row is { } row ? $" (row {row} of batch '{entry.Batch}')" : ""), what)) continue;
                if (Id is not null)
                {
                    Emit(BatchLedger.Adopt(journal, entry, new VideoTask { Id = Id.Trim(), Route = entry.Route ?? "", BaseUri = entry.BaseUri, Model = entry.Model ?? "" }));
                    continue;
                }
                if (NotCreated.IsPresent) BatchLedger.NotCreated(journal, entry);
                else journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateChecked, Attempt = entry.Attempt }.For(entry.RowIdentity()));
                Emit(entry);
            }
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, _attempts);
        }
    }
}
