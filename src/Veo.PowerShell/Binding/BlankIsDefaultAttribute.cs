using System.Management.Automation;

namespace Veo.PowerShell.Binding;

/// <summary>A blank CSV cell means "the default", not an empty value: it binds as null.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BlankIsDefaultAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text && text.Trim().Length == 0 ? null : inputData;
}
