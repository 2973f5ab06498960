using System.Management.Automation;
using Veo.Core.Tasks;

namespace Veo.PowerShell.Binding;

/// <summary>
/// Save-VeoVideo's first positional argument is the path. A task given there would become the text "task_x
/// (Completed)" and a folder of that name; say how to pass tasks instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NotATaskAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is VideoTask || (value is object[] items && items.Any(i => (i is PSObject p ? p.BaseObject : i) is VideoTask)))
            throw new ArgumentTransformationMetadataException(
                "The first positional argument of Save-VeoVideo is -Path. Pipe the tasks ($tasks | Save-VeoVideo ./videos) or pass -InputObject $tasks.");
        return inputData;
    }
}
