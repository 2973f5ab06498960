using System.Collections;
using System.Management.Automation;

namespace Veo.PowerShell.Binding;

/// <summary>
/// A prompt is text. Without this, PowerShell turns anything piped in into a string for -Prompt: a file from
/// Get-ChildItem becomes its path, a CSV row without a Prompt column "@{Text=...}", a hashtable
/// "System.Collections.Hashtable", and each is sent as a paid video. Only a string, or an object whose Prompt
/// property is one (Import-Csv), binds; anything else binds as an empty prompt with a note for its row
/// (<see cref="CellProblems"/>), an error for that item before any call.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PromptTextAttribute : ArgumentTransformationAttribute
{
    /// <remarks>
    /// PowerShell tries a piped object by value before it tries its properties by name, and it runs this
    /// transformation in that first try: an object with a Prompt property is therefore answered with that property
    /// here, as binding by name would have done.
    /// </remarks>
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is PSObject { BaseObject: not string } row && row.Properties["Prompt"] is { } prompt)
            return Transform(engineIntrinsics, prompt.Value);
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null or string) return value;
        CellProblems.Note(value switch
        {
            IDictionary => "A hashtable is not a prompt: pipe [pscustomobject]@{ Prompt = '...' } (a hashtable's keys do not bind to parameters), or give -Prompt.",
            IEnumerable => "-Prompt takes one prompt, not a list; pipe the prompts instead ('a', 'b' | New-VeoVideo) to make one video each.",
            _ => $"A {value.GetType().Name} is not a prompt: pipe strings, or objects with a Prompt property (Import-Csv), or give -Prompt.",
        });
        return "";
    }
}
