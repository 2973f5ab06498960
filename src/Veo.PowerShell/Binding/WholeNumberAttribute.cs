using System.Globalization;
using System.Management.Automation;

namespace Veo.PowerShell.Binding;

/// <summary>
/// A whole number, strictly: PowerShell alone rounds "8.5" to 8 and turns a blank cell into 0 (a seed of 0 is a real
/// seed). A blank cell is the default (null); text that is not a whole number is an error for that row, not a guess.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class WholeNumberAttribute : ArgumentTransformationAttribute
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
                throw new ArgumentTransformationMetadataException($"'{text}' is not a whole number.");
            case double or float or decimal:
                var real = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return decimal.Truncate(real) == real ? (long)real : throw new ArgumentTransformationMetadataException($"{real.ToString(CultureInfo.InvariantCulture)} is not a whole number.");
            default:
                return value;
        }
    }
}
