using System.Reflection;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>Turns on a switch parameter (see VeoCmdlet's remarks: its value lives in a _camelCase field).</summary>
internal static class Switches
{
    public static T On<T>(this T cmdlet, string parameter) where T : class
    {
        var name = "_" + char.ToLowerInvariant(parameter[0]) + parameter.Substring(1);
        var field = typeof(T).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} -{parameter} keeps no {name} field.");
        field.SetValue(cmdlet, true);
        return cmdlet;
    }
}
