using System.Management.Automation;
using Veo.Core.Pricing;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// What was spent, from the journal (Core's SpendLedger): one row per route, model and UTC day, creates that may have
/// been billed (outcome unknown) on rows of their own, so Get-VeoSpend | Measure-Object Cost -Sum is the total.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeoSpend", HelpUri = HelpLinks.Base + "Get-VeoSpend.md")]
[OutputType(typeof(SpendRow))]
public sealed class GetVeoSpendCommand : VeoCmdlet
{
    /// <summary>Only creates sent at or after this time.</summary>
    [Parameter(Position = 0)]
    public DateTime? Since { get; set; }

    /// <summary>Only the creates of this New-VeoVideo -Batch.</summary>
    [Parameter]
    public string? Batch { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Route { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var filter = new SpendFilter { Since = Since is { } since ? new DateTimeOffset(since.ToUniversalTime()) : null, Batch = Batch, Route = Route };
            var rows = SpendLedger.Rows(Session.Engine.Journal.ReadAll(), filter);
            foreach (var row in rows) Emit(row);
            var unpriced = rows.Sum(r => r.Unpriced);
            if (unpriced > 0) WriteWarning($"{unpriced} create(s) had no known price (no price row for their route and model): their money is not in Cost.");
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Route);
        }
    }
}
