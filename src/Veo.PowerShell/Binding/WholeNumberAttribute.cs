using System.Globalization;
using System.Management.Automation;

namespace Veo.PowerShell.Binding;

/// <summary>
/// A whole number, strictly: PowerShell alone rounds "8.5" to 8 and turns a blank cell into 0 (a seed of 0 is a real
/// seed). A blank cell is the default (null); text that is not a whole number is an error for that row, not a guess,
/// noted for the row (<see cref="CellProblems"/>) rather than thrown, so the error names it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class WholeNumberAttribute(string parameter) : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null:
                return null;
            case string text when text.Trim().Length == 0:
                return null;
            case string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return number;
            case string text:
                return NotAWholeNumber($"'{text}'");
            case double or float or decimal:
                var real = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return decimal.Truncate(real) == real ? (long)real : NotAWholeNumber(real.ToString(CultureInfo.InvariantCulture));
            default:
                return value;
        }
    }

    /// <summary>
    /// Noted, and bound as 0, never sent: the row is refused for the note before anything else. Not null, which an int
    /// parameter (Duration) refuses: PowerShell would then bind the value a second time (a second note) or, given on the
    /// command line, fail the binding and leave the note to the next command.
    /// </summary>
    private object NotAWholeNumber(string value)
    {
        CellProblems.Note($"-{parameter} {value} is not a whole number.");
        return 0L;
    }
}
