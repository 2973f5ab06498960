using System.Management.Automation;

namespace Veo.PowerShell.Binding;

/// <summary>
/// One of a few words, ignoring case, or nothing: ValidateSet refuses null, so a blank CSV cell (null by
/// <see cref="BlankIsDefaultAttribute"/>) or a request piped back in without the setting failed its whole row with
/// "The argument is null, empty ...". Null here means the default. Any other word is noted for its row
/// (<see cref="CellProblems"/>), not thrown, so the error names the row.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class OneOfAttribute : ValidateArgumentsAttribute
{
    public OneOfAttribute(params string[] values) => ValidValues = values;

    /// <summary>Named as ValidateSetAttribute names its own, so the help generator lists them as "Accepted values" too.</summary>
    public IList<string> ValidValues { get; }

    /// <summary>The parameter, as the note names it (nameof(ResizeMode)).</summary>
    public string Parameter { get; set; } = "";

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is null || value is string { Length: 0 }) return;
        if (value is string text && ValidValues.Any(v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase))) return;
        CellProblems.Note($"-{Parameter} '{value}' is not one of {string.Join(", ", ValidValues)}.");
    }
}
