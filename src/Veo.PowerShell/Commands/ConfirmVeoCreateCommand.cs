using System.Management.Automation;
using Veo.Core.Tasks;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Marks creates whose outcome was unknown as checked by the user (in the provider's console), so Get-VeoVideo stops
/// warning about them. The journal keeps them; only a create-checked line is added.
/// </summary>
[Cmdlet(VerbsLifecycle.Confirm, "VeoCreate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Base + "Confirm-VeoCreate.md")]
[OutputType(typeof(JournalEntry))]
public sealed class ConfirmVeoCreateCommand : VeoCmdlet
{
    /// <summary>The attempt ids to mark (from the warning, or the journal's attempt field); all uncertain creates when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[]? Attempt { get; set; }

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
            foreach (var entry in uncertain.Where(e => e.Attempt is not null && (_attempts.Count == 0 || _attempts.Contains(e.Attempt))))
            {
                if (!ShouldProcess($"'{entry.Prompt}' on {entry.Route} at {entry.At:u}", "Mark the create as checked")) continue;
                journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.CreateChecked, Attempt = entry.Attempt }.For(entry.RowIdentity()));
                Emit(entry);
            }
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, _attempts);
        }
    }
}
