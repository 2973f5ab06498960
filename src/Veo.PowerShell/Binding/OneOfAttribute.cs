using System.Management.Automation;

namespace Veo.PowerShell.Binding;

/// <summary>
/// One of a few words, ignoring case, or nothing: ValidateSet refuses null, so a blank CSV cell (null by
/// <see cref="BlankIsDefaultAttribute"/>) or a request piped back in without the setting failed its whole row with
/// "The argument is null, empty ...". Null here means the default.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class OneOfAttribute : ValidateArgumentsAttribute
{
    public OneOfAttribute(params string[] values) => Values = values;

    public IReadOnlyList<string> Values { get; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is null || value is string { Length: 0 }) return;
        if (value is string text && Values.Any(v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase))) return;
        throw new ValidationMetadataException($"'{value}' is not one of {string.Join(", ", Values)}.");
    }
}
