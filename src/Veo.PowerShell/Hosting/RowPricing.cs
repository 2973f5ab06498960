using System.Management.Automation;
using Veo.Core.Requests;
using Veo.PowerShell.Commands;

namespace Veo.PowerShell.Hosting;

/// <summary>
/// Prices a row (an Import-Csv line, a prompt string) exactly as New-VeoVideo would make it: the row is given to
/// New-VeoVideo itself, so PowerShell's binder reads the same columns, aliases and blank cells, and the same checks
/// run, while New-VeoVideo, seeing a pricing open on its thread, hands back its plan instead of asking or sending.
/// A second copy of New-VeoVideo's parameters in Get-VeoPrice would drift from the first one.
/// </summary>
internal static class RowPricing
{
    // New-VeoVideo runs in a nested pipeline, which PowerShell runs on the thread that asks for it.
    [ThreadStatic] private static bool pricing;

    /// <summary>True while New-VeoVideo runs for a pricing: it plans and returns the plan; nothing is sent or asked.</summary>
    public static bool IsPricing => pricing;

    /// <summary>The row's number in Get-VeoPrice's input, for New-VeoVideo's messages: each row runs in a pipeline of its own.</summary>
    [ThreadStatic] private static int row;

    public static int Row => row;

    /// <summary>The row's plan, or why New-VeoVideo would refuse it (with its warnings, as New-VeoVideo would say them).</summary>
    /// <param name="number">The row's 1-based number in the caller's input.</param>
    public static Outcome Price(PSCmdlet host, object input, int number)
    {
        using var newVideo = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        // Its errors and warnings are collected, whatever the caller's preferences, for the host to say as its own.
        newVideo.AddCommand(new CmdletInfo("New-VeoVideo", typeof(NewVeoVideoCommand)))
            .AddParameter("ErrorAction", ActionPreference.Continue).AddParameter("WarningAction", ActionPreference.Continue);
        pricing = true;
        row = number;
        try
        {
            var plans = newVideo.Invoke(new[] { input }).Select(o => o.BaseObject).OfType<VideoPlan>().ToList();
            var errors = newVideo.Streams.Error.ToList();
            // The nested pipeline put its errors in $Error; the host says them again as its own, and PowerShell would
            // skip those as repeats of the same exceptions: $Error keeps the host's, as for any other error of its.
            if (host.SessionState.PSVariable.GetValue("Error") is System.Collections.ArrayList dollarError)
            {
                foreach (var error in errors) dollarError.Remove(error);
            }
            return new Outcome(plans.FirstOrDefault(), errors, newVideo.Streams.Warning.Select(w => w.Message).ToList());
        }
        finally
        {
            pricing = false;
        }
    }

    public sealed record Outcome(VideoPlan? Plan, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<string> Warnings);
}
